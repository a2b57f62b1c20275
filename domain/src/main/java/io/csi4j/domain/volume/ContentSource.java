package io.csi4j.domain.volume;

import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import java.util.Objects;

/** What a new volume is pre-populated from: a snapshot (restore) or another volume (clone). */
public sealed interface ContentSource {

    /** The wire form of the source id, for messages and comparisons. */
    String sourceId();

    record FromSnapshot(SnapshotId snapshotId) implements ContentSource {
        public FromSnapshot {
            Objects.requireNonNull(snapshotId, "'snapshotId' must not be null");
        }

        @Override
        public String sourceId() {
            return snapshotId.value();
        }
    }

    record FromVolume(VolumeId volumeId) implements ContentSource {
        public FromVolume {
            Objects.requireNonNull(volumeId, "'volumeId' must not be null");
        }

        @Override
        public String sourceId() {
            return volumeId.value();
        }
    }
}
