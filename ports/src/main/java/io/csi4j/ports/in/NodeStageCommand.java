package io.csi4j.ports.in;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated NodeStageVolume request: the data path is already decoded from the publish or volume context.
 *
 * @param stagingPath the CO's staging directory, as given (confined by the use case)
 * @param dataPath empty when neither context carries one (a volume made by a driver a backend replaces): the use
 *     case then asks the backend that owns the volume
 */
public record NodeStageCommand(
        String volumeId,
        String stagingPath,
        VolumeCapability capability,
        Optional<DataPath> dataPath,
        Parameters volumeContext,
        Parameters publishContext,
        Secrets secrets) {

    public NodeStageCommand {
        Objects.requireNonNull(volumeId, "'volumeId' must not be null");
        Objects.requireNonNull(stagingPath, "'stagingPath' must not be null");
        Objects.requireNonNull(capability, "'capability' must not be null");
        Objects.requireNonNull(dataPath, "'dataPath' must not be null");
        Objects.requireNonNull(volumeContext, "'volumeContext' must not be null");
        Objects.requireNonNull(publishContext, "'publishContext' must not be null");
        Objects.requireNonNull(secrets, "'secrets' must not be null");
    }

    /** A request whose context carries the data path. */
    public NodeStageCommand(String volumeId, String stagingPath, VolumeCapability capability, DataPath dataPath,
            Parameters volumeContext, Parameters publishContext, Secrets secrets) {
        this(volumeId, stagingPath, capability, Optional.of(dataPath), volumeContext, publishContext, secrets);
    }
}
