package io.csi4j.domain.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import org.junit.jupiter.api.Test;

class CapacityRangeTest {

    private static final long MIB = 1 << 20;
    private final SizePolicy policy = new SizePolicy(1024 * MIB, MIB, MIB, 100 * 1024 * MIB);

    @Test
    void rejectsNegativeAndInvertedBounds() {
        assertThat(CapacityRange.of(-1, 0).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(CapacityRange.of(0, -5).getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(CapacityRange.of(10, 5).getLeft().message()).contains("below");
    }

    @Test
    void roundsTheRequirementUpToTheGranularity() {
        assertThat(CapacityRange.of(MIB + 1, 0).get().resolve(policy).get()).isEqualTo(2 * MIB);
        assertThat(CapacityRange.of(3 * MIB, 3 * MIB).get().resolve(policy).get()).isEqualTo(3 * MIB);
    }

    @Test
    void usesTheDefaultClippedToTheLimitWhenNothingIsRequired() {
        assertThat(CapacityRange.UNSPECIFIED.resolve(policy).get()).isEqualTo(1024 * MIB);
        assertThat(CapacityRange.of(0, 10 * MIB).get().resolve(policy).get()).isEqualTo(10 * MIB);
    }

    @Test
    void isOutOfRangeWhenRoundingOvershootsTheLimitOrTheMaximum() {
        assertThat(CapacityRange.of(MIB + 1, MIB + 2).get().resolve(policy).getLeft())
                .isInstanceOf(Failure.OutOfRange.class);
        assertThat(CapacityRange.of(100 * 1024 * MIB + 1, 0).get().resolve(policy).getLeft())
                .isInstanceOf(Failure.OutOfRange.class);
        assertThat(CapacityRange.of(Long.MAX_VALUE, 0).get().resolve(policy).getLeft())
                .isInstanceOf(Failure.OutOfRange.class);
        assertThat(CapacityRange.of(100 * 1024 * MIB, 0).get().resolve(policy).get()).isEqualTo(100 * 1024 * MIB);
    }

    @Test
    void raisesTinyRequestsToTheMinimum() {
        assertThat(CapacityRange.of(1, 0).get().resolve(policy).get()).isEqualTo(MIB);
    }

    @Test
    void admitsSizesInsideTheRangeAndUnknownSizes() {
        CapacityRange r = CapacityRange.of(10, 20).get();
        assertThat(r.admits(10)).isTrue();
        assertThat(r.admits(20)).isTrue();
        assertThat(r.admits(21)).isFalse();
        assertThat(r.admits(9)).isFalse();
        assertThat(r.admits(0)).isTrue();
        assertThat(CapacityRange.of(10, 0).get().admits(Long.MAX_VALUE)).isTrue();
    }
}
