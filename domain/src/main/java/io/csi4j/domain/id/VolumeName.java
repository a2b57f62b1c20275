package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/** The CO-chosen name of a volume: the idempotency key of CreateVolume (≤ 128 bytes, no control characters). */
public record VolumeName(String value) {

    public VolumeName {
        Text.checkName("name", value).getOrElseThrow(f -> new IllegalArgumentException(f.message()));
    }

    public static Either<Failure, VolumeName> parse(String value) {
        return Text.checkName("name", value).map(VolumeName::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
