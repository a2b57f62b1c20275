package io.csi4j.ports.in;

import io.csi4j.domain.volume.VolumeCapability;
import java.util.Objects;

/**
 * A validated NodePublishVolume request.
 *
 * @param stagingPath where the volume was staged (required: this driver always stages)
 * @param targetPath where the workload expects it; created by the plugin
 */
public record NodePublishCommand(
        String volumeId,
        String stagingPath,
        String targetPath,
        VolumeCapability capability,
        boolean readOnly) {

    public NodePublishCommand {
        Objects.requireNonNull(volumeId, "'volumeId' must not be null");
        Objects.requireNonNull(stagingPath, "'stagingPath' must not be null");
        Objects.requireNonNull(targetPath, "'targetPath' must not be null");
        Objects.requireNonNull(capability, "'capability' must not be null");
    }
}
