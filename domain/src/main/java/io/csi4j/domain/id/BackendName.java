package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * The configured name of one backend a process serves (the key under {@code backends:} in the config). It is
 * the first part of every volume and snapshot id, so that any request can be routed.
 */
public record BackendName(String value) implements Comparable<BackendName> {

    private static final Pattern FORM = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    public BackendName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("backend name must match " + FORM.pattern() + ": " + value);
        }
    }

    /** Parses a backend name: lower-case letters, digits and inner dashes, at most 32 characters. */
    public static Either<Failure, BackendName> parse(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            return Either.left(Failure.invalidArgument("backend name must be 1-32 lower-case letters, digits or "
                    + "inner dashes: '" + Printable.of(value) + "'"));
        }
        return Either.right(new BackendName(value));
    }

    @Override
    public int compareTo(BackendName o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
