package io.csi4j.domain.volume;

/**
 * What sizes a backend can provision: a default when the CO names none, an allocation unit, and bounds.
 */
public record SizePolicy(long defaultBytes, long granularityBytes, long minimumBytes, long maximumBytes) {

    public SizePolicy {
        if (granularityBytes <= 0 || defaultBytes <= 0 || minimumBytes < 0 || maximumBytes < minimumBytes) {
            throw new IllegalArgumentException("inconsistent size policy");
        }
    }

    /** Rounds up to the allocation unit; negative when the result would overflow. */
    public long roundUp(long bytes) {
        long units = bytes / granularityBytes + (bytes % granularityBytes == 0 ? 0 : 1);
        if (units > Long.MAX_VALUE / granularityBytes) {
            return -1;
        }
        return units * granularityBytes;
    }
}
