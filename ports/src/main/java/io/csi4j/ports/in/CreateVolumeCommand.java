package io.csi4j.ports.in;

import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.TopologyRequirement;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated CreateVolume request: every field already has its domain type; {@code capabilities} is
 * non-empty.
 */
public record CreateVolumeCommand(
        VolumeName name,
        CapacityRange capacity,
        List<VolumeCapability> capabilities,
        Parameters parameters,
        Parameters mutableParameters,
        Secrets secrets,
        Optional<SourceRef> source,
        Optional<TopologyRequirement> topology) {

    public CreateVolumeCommand {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(capacity, "'capacity' must not be null");
        Objects.requireNonNull(parameters, "'parameters' must not be null");
        Objects.requireNonNull(mutableParameters, "'mutableParameters' must not be null");
        Objects.requireNonNull(secrets, "'secrets' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        Objects.requireNonNull(topology, "'topology' must not be null");
        capabilities = List.copyOf(capabilities);
        if (capabilities.isEmpty()) {
            throw new IllegalArgumentException("at least one volume capability is required");
        }
    }
}
