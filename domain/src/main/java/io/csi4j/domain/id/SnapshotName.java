package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/** The CO-chosen name of a snapshot: the idempotency key of CreateSnapshot (≤ 128 bytes, no control chars). */
public record SnapshotName(String value) {

    public SnapshotName {
        Text.checkName("name", value).getOrElseThrow(f -> new IllegalArgumentException(f.message()));
    }

    public static Either<Failure, SnapshotName> parse(String value) {
        return Text.checkName("name", value).map(SnapshotName::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
