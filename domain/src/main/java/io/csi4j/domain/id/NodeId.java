package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/** The id a node plugin reports in NodeGetInfo and the CO passes back to ControllerPublish (≤ 128 bytes). */
public record NodeId(String value) {

    public NodeId {
        Text.checkId("node id", value).getOrElseThrow(f -> new IllegalArgumentException(f.message()));
    }

    public static Either<Failure, NodeId> parse(String field, String value) {
        return Text.checkId(field, value).map(NodeId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
