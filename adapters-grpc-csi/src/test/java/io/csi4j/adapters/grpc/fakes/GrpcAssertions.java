package io.csi4j.adapters.grpc.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the status a gRPC call ends with. */
public final class GrpcAssertions {

    private GrpcAssertions() {}

    /** Asserts the call fails with {@code code} and a message containing {@code fragment}; returns the status. */
    public static Status assertFails(ThrowingCallable call, Status.Code code, String fragment) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("the call should fail with %s", code).isNotNull();
        assertThat(e.getStatus().getCode()).as("status of: %s", e.getStatus()).isEqualTo(code);
        assertThat(e.getStatus().getDescription()).isNotBlank().contains(fragment);
        // CSI §1.9: status.details stays empty.
        assertThat(e.getTrailers() == null || !e.getTrailers().containsKey(
                io.grpc.Metadata.Key.of("grpc-status-details-bin", io.grpc.Metadata.BINARY_BYTE_MARSHALLER)))
                .isTrue();
        return e.getStatus();
    }
}
