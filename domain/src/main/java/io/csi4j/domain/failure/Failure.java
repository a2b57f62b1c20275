package io.csi4j.domain.failure;

/**
 * Why an operation did not succeed, as a value. Every outcome a caller can act on has its own case; the CSI
 * adapter maps each case to one gRPC code in one place. A condition that a retry can fix is never a
 * {@link Defect}.
 */
public sealed interface Failure {

    /** Human-readable text, safe to show to users: never holds secrets. */
    String message();

    /** A request field is missing, malformed, or asks for something this driver does not offer. */
    record InvalidArgument(String message) implements Failure {}

    /** The object the request names does not exist. */
    record NotFound(String message) implements Failure {}

    /** The name is taken by an object created with incompatible arguments. */
    record AlreadyExists(String message) implements Failure {}

    /** Another operation on the same name or id is in progress; retry later. */
    record OperationPending(String message) implements Failure {}

    /** A pagination token that this driver did not issue or can no longer honour. */
    record InvalidToken(String message) implements Failure {}

    /** A size outside what the backend or the source allows. */
    record OutOfRange(String message) implements Failure {}

    /** No room: the storage is full or the topology asked for cannot hold the volume. */
    record CapacityExhausted(String message) implements Failure {}

    /** The object is in a state that forbids the operation (in use, has dependents, wrong mode). */
    record FailedPrecondition(String message) implements Failure {}

    /** The backend cannot be reached or is busy; the same call may succeed later. */
    record Unavailable(String message) implements Failure {}

    /** Credentials are missing or were rejected. */
    record Unauthenticated(String message) implements Failure {}

    /** Credentials are valid but lack the rights for this operation. */
    record PermissionDenied(String message) implements Failure {}

    /** This driver, as configured, does not offer the operation at all. */
    record Unsupported(String message) implements Failure {}

    /** The operation did not finish in the time allowed; it may still complete. */
    record Timeout(String message) implements Failure {}

    /** A bug or an unexpected state that no retry can fix. */
    record Defect(String message) implements Failure {}

    static Failure invalidArgument(String message) {
        return new InvalidArgument(message);
    }

    static Failure notFound(String message) {
        return new NotFound(message);
    }

    static Failure alreadyExists(String message) {
        return new AlreadyExists(message);
    }

    static Failure pending(String message) {
        return new OperationPending(message);
    }

    static Failure outOfRange(String message) {
        return new OutOfRange(message);
    }

    static Failure exhausted(String message) {
        return new CapacityExhausted(message);
    }

    static Failure precondition(String message) {
        return new FailedPrecondition(message);
    }

    static Failure unavailable(String message) {
        return new Unavailable(message);
    }

    static Failure unsupported(String message) {
        return new Unsupported(message);
    }

    static Failure defect(String message) {
        return new Defect(message);
    }
}
