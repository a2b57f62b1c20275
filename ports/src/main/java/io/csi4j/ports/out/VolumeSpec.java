package io.csi4j.ports.out;

import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume to create, with everything already validated and decided by the use case.
 *
 * @param sizeBytes the size to provision, already resolved from the capacity range and the size policy
 * @param placement where the volume must live, chosen from the backend's placements; empty when it has none
 * @param source content to copy in; its id belongs to this backend
 */
public record VolumeSpec(
        VolumeName name,
        long sizeBytes,
        List<VolumeCapability> capabilities,
        Parameters parameters,
        Optional<ContentSource> source,
        Optional<Topology> placement,
        Secrets secrets) {

    public VolumeSpec {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(parameters, "'parameters' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        Objects.requireNonNull(placement, "'placement' must not be null");
        Objects.requireNonNull(secrets, "'secrets' must not be null");
        capabilities = List.copyOf(capabilities);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
