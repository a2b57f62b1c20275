package io.csi4j.domain.volume;

import java.util.OptionalLong;

/**
 * Room for new volumes: bytes available, and the size bounds of a single volume when the backend has them.
 */
public record CapacityReport(long availableBytes, OptionalLong maximumVolumeBytes, OptionalLong minimumVolumeBytes) {

    public CapacityReport {
        if (availableBytes < 0) {
            throw new IllegalArgumentException("available capacity must not be negative");
        }
    }

    public static CapacityReport none() {
        return new CapacityReport(0, OptionalLong.empty(), OptionalLong.empty());
    }
}
