package io.csi4j.domain.failure;

import java.io.Serial;
import java.util.Objects;

/**
 * Carries a {@link Failure} through code that cannot return one (a callback, a stream). Catch it at the
 * boundary and turn it back into the value; expected outcomes are returned as values, not thrown.
 */
public final class FailureException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public FailureException(Failure failure) {
        super(Objects.requireNonNull(failure, "'failure' must not be null").message(), null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
