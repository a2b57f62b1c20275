package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * The id a node plugin reports in NodeGetInfo and the CO passes back to ControllerPublish: printable ASCII
 * without spaces, at most 256 bytes (CSI §4.9). Its parts are read by {@link NodeFacts}.
 */
public record NodeId(String value) {

    public static final int MAX_BYTES = 256;

    public NodeId {
        check("node id", value).getOrElseThrow(f -> new IllegalArgumentException(f.message()));
    }

    public static Either<Failure, NodeId> parse(String field, String value) {
        return check(field, value).map(NodeId::new);
    }

    private static Either<Failure, String> check(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Either.left(Failure.invalidArgument(field + " is required"));
        }
        if (value.length() > MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + " is longer than " + MAX_BYTES + " bytes"));
        }
        if (value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            return Either.left(Failure.invalidArgument(field + " contains a character outside printable ASCII"));
        }
        return Either.right(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
