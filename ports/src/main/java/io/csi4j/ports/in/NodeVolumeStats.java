package io.csi4j.ports.in;

import io.csi4j.domain.volume.VolumeCondition;
import java.util.OptionalLong;

/**
 * What NodeGetVolumeStats reports: bytes (all three for a filesystem, total only for a block device), inodes when
 * known, and the node's view of the volume's condition.
 */
public record NodeVolumeStats(
        long totalBytes,
        OptionalLong usedBytes,
        OptionalLong availableBytes,
        OptionalLong totalInodes,
        OptionalLong usedInodes,
        OptionalLong freeInodes,
        VolumeCondition condition) {

    public static NodeVolumeStats block(long totalBytes, VolumeCondition condition) {
        return new NodeVolumeStats(totalBytes, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), condition);
    }
}
