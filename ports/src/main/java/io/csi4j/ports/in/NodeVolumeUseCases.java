package io.csi4j.ports.in;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/** The node-side use cases, bundled for the adapter that serves them. */
public record NodeVolumeUseCases(
        StageVolume stage,
        UnstageVolume unstage,
        PublishVolume publish,
        UnpublishVolume unpublish,
        VolumeStats stats,
        ExpandNodeVolume expand,
        DescribeNode describe) {

    public NodeVolumeUseCases {
        Objects.requireNonNull(stage, "'stage' must not be null");
        Objects.requireNonNull(unstage, "'unstage' must not be null");
        Objects.requireNonNull(publish, "'publish' must not be null");
        Objects.requireNonNull(unpublish, "'unpublish' must not be null");
        Objects.requireNonNull(stats, "'stats' must not be null");
        Objects.requireNonNull(expand, "'expand' must not be null");
        Objects.requireNonNull(describe, "'describe' must not be null");
    }

    /** Makes a volume available at its staging path on this node (CSI NodeStageVolume). */
    @FunctionalInterface
    public interface StageVolume {
        Either<Failure, Done> stage(NodeStageCommand command);
    }

    /** Undoes everything staging did; success when nothing is staged there (CSI NodeUnstageVolume). */
    @FunctionalInterface
    public interface UnstageVolume {
        Either<Failure, Done> unstage(String volumeId, String stagingPath);
    }

    /** Makes a staged volume visible at a workload's target path (CSI NodePublishVolume). */
    @FunctionalInterface
    public interface PublishVolume {
        Either<Failure, Done> publish(NodePublishCommand command);
    }

    /** Removes a publication and its target; success when nothing is there (CSI NodeUnpublishVolume). */
    @FunctionalInterface
    public interface UnpublishVolume {
        Either<Failure, Done> unpublish(String volumeId, String targetPath);
    }

    /** Usage and condition of a staged or published volume (CSI NodeGetVolumeStats). */
    @FunctionalInterface
    public interface VolumeStats {
        Either<Failure, NodeVolumeStats> stats(String volumeId, String volumePath, Optional<String> stagingPath);
    }

    /** Grows what the node holds of a volume: device, then filesystem (CSI NodeExpandVolume). */
    @FunctionalInterface
    public interface ExpandNodeVolume {
        Either<Failure, Long> expand(String volumeId, String volumePath, Optional<String> stagingPath,
                CapacityRange capacity, Optional<VolumeCapability> capability);
    }
}
