package io.csi4j.domain.volume;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * The size a request allows, in bytes: at least {@code requiredBytes}, at most {@code limitBytes}; 0 means
 * "not specified" for either bound (CSI §3.2.2). Construct through {@link #of} so a malformed range never
 * exists.
 */
public record CapacityRange(long requiredBytes, long limitBytes) {

    /** No bounds at all: the backend picks. */
    public static final CapacityRange UNSPECIFIED = new CapacityRange(0, 0);

    public CapacityRange {
        if (requiredBytes < 0 || limitBytes < 0 || (limitBytes > 0 && limitBytes < requiredBytes)) {
            throw new IllegalArgumentException("malformed capacity range " + requiredBytes + ".." + limitBytes);
        }
    }

    /** Validates the bounds: negative values and a limit below the requirement are invalid arguments. */
    public static Either<Failure, CapacityRange> of(long requiredBytes, long limitBytes) {
        if (requiredBytes < 0 || limitBytes < 0) {
            return Either.left(Failure.invalidArgument("capacity_range bounds must not be negative"));
        }
        if (limitBytes > 0 && limitBytes < requiredBytes) {
            return Either.left(Failure.invalidArgument("capacity_range.limit_bytes " + limitBytes
                    + " is below required_bytes " + requiredBytes));
        }
        return Either.right(new CapacityRange(requiredBytes, limitBytes));
    }

    public boolean isUnspecified() {
        return requiredBytes == 0 && limitBytes == 0;
    }

    /** True when a volume of {@code size} bytes satisfies this range (0 = unknown size satisfies any). */
    public boolean admits(long size) {
        if (size == 0) {
            return true;
        }
        return size >= requiredBytes && (limitBytes == 0 || size <= limitBytes);
    }

    /**
     * The size to provision: the requirement rounded up to {@code granularity}, or the backend's default
     * clipped to the limit when no requirement is given. Sizes the backend cannot honour are OutOfRange.
     */
    public Either<Failure, Long> resolve(SizePolicy policy) {
        long wanted = requiredBytes > 0 ? requiredBytes : policy.defaultBytes();
        if (requiredBytes == 0 && limitBytes > 0 && wanted > limitBytes) {
            wanted = limitBytes;
        }
        wanted = Math.max(wanted, policy.minimumBytes());
        long size = policy.roundUp(wanted);
        if (size < 0) {
            return Either.left(Failure.outOfRange("requested size " + requiredBytes + " overflows"));
        }
        if (limitBytes > 0 && size > limitBytes) {
            return Either.left(Failure.outOfRange("no size between " + requiredBytes + " and " + limitBytes
                    + " bytes is a multiple of " + policy.granularityBytes() + " bytes of at least "
                    + policy.minimumBytes()));
        }
        if (size > policy.maximumBytes()) {
            return Either.left(Failure.outOfRange("requested size " + size + " bytes exceeds the maximum volume size "
                    + policy.maximumBytes() + " bytes"));
        }
        return Either.right(size);
    }
}
