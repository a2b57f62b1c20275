package io.csi4j.domain.snapshot;

import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A point-in-time image of one volume.
 *
 * @param sizeBytes the smallest size a volume restored from it may have; 0 when unknown
 * @param creationTime when the image was cut on the storage; stable across repeated calls
 * @param readyToUse true once the snapshot can be a CreateVolume source
 */
public record Snapshot(
        SnapshotId id,
        Optional<SnapshotName> name,
        VolumeId sourceVolumeId,
        long sizeBytes,
        Instant creationTime,
        boolean readyToUse) {

    public Snapshot {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(sourceVolumeId, "'sourceVolumeId' must not be null");
        Objects.requireNonNull(creationTime, "'creationTime' must not be null");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
