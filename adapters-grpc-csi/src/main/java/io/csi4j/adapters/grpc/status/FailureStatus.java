package io.csi4j.adapters.grpc.status;

import io.csi4j.domain.failure.Failure;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Maps every {@link Failure} case to exactly one gRPC status (CSI §1.9). This is the only place in csi4j where
 * that mapping is decided; the switch is exhaustive over the sealed interface, so a new failure case does not
 * compile until it has a code here. Status messages are the failure's message (never secrets) and a status
 * never carries details.
 */
public final class FailureStatus {

    private FailureStatus() {}

    /** The canonical code for a failure case. */
    public static Status.Code code(Failure failure) {
        return switch (failure) {
            case Failure.InvalidArgument f -> Status.Code.INVALID_ARGUMENT;
            case Failure.NotFound f -> Status.Code.NOT_FOUND;
            case Failure.AlreadyExists f -> Status.Code.ALREADY_EXISTS;
            // CSI §1.3: another call for the same key is in flight; the CO backs off and retries.
            case Failure.OperationPending f -> Status.Code.ABORTED;
            // CSI §3.7: an invalid starting_token is ABORTED, so the CO restarts the listing.
            case Failure.InvalidToken f -> Status.Code.ABORTED;
            case Failure.OutOfRange f -> Status.Code.OUT_OF_RANGE;
            case Failure.CapacityExhausted f -> Status.Code.RESOURCE_EXHAUSTED;
            case Failure.FailedPrecondition f -> Status.Code.FAILED_PRECONDITION;
            case Failure.Unavailable f -> Status.Code.UNAVAILABLE;
            case Failure.Unauthenticated f -> Status.Code.UNAUTHENTICATED;
            case Failure.PermissionDenied f -> Status.Code.PERMISSION_DENIED;
            // Only a whole RPC that is not offered comes back as Unsupported; the CO then reads capabilities.
            case Failure.Unsupported f -> Status.Code.UNIMPLEMENTED;
            case Failure.Timeout f -> Status.Code.DEADLINE_EXCEEDED;
            case Failure.Defect f -> Status.Code.INTERNAL;
        };
    }

    /** The status for a failure: its code and its message. */
    public static Status status(Failure failure) {
        String message = failure.message();
        return Status.fromCode(code(failure))
                .withDescription(message == null || message.isEmpty() ? describe(failure) : message);
    }

    /** The exception a handler passes to {@code onError}; built without trailers, so it carries no details. */
    public static StatusRuntimeException exception(Failure failure) {
        return status(failure).asRuntimeException();
    }

    // CSI §1.9: a non-OK status always has a human-readable message, even when a failure was built without one.
    private static String describe(Failure failure) {
        return failure.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }
}
