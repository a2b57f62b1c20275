package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Runs one blocking RPC and reports its outcome as a gRPC status, for tests that assert on codes. */
public final class Rpc {

    /** A blocking RPC. */
    @FunctionalInterface
    public interface Call {
        Object run();
    }

    /** The trailer grpc-java carries status details in. */
    private static final Metadata.Key<byte[]> DETAILS =
            Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private Rpc() {}

    /** The status the call ended with: OK when it returned a response. */
    public static Status status(Call call) {
        try {
            call.run();
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    public static Status.Code code(Call call) {
        return status(call).getCode();
    }

    /**
     * Asserts that the call failed with {@code code} and a readable message (CSI §1.9) holding every fragment,
     * and that the status carries no details; returns the status for further checks.
     */
    public static Status fails(Status.Code code, Call call, String... fragments) {
        Status status;
        try {
            Object response = call.run();
            return fail("expected " + code + " but the call succeeded with " + response);
        } catch (StatusRuntimeException e) {
            status = e.getStatus();
            // CSI §1.9: status.details is empty; grpc-java carries details in this trailer.
            assertThat(e.getTrailers() == null ? null : e.getTrailers().get(DETAILS)).as("status details").isNull();
        }
        assertThat(status.getCode()).as("code of %s", status).isEqualTo(code);
        assertThat(status.getDescription()).as("message").isNotBlank();
        for (String f : fragments) {
            assertThat(status.getDescription()).as("message").contains(f);
        }
        return status;
    }
}
