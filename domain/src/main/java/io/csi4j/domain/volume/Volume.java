package io.csi4j.domain.volume;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provisioned volume as a backend reports it.
 *
 * @param id the id the CO uses in every later call
 * @param name the CO's name it was created under, when the backend knows it (not for static volumes)
 * @param capacityBytes size in bytes; 0 when unknown (e.g. a share without quota)
 * @param dataPath how a node reaches the data; encoded into volume_context
 * @param attributes extra context entries the backend wants nodes to see (never secrets)
 * @param source what the volume was pre-populated from, if anything
 * @param accessibleTopology where the volume can be used from; empty means everywhere
 * @param parameters the creation parameters as recorded, for idempotency checks; empty when unknown
 */
public record Volume(
        VolumeId id,
        Optional<VolumeName> name,
        long capacityBytes,
        DataPath dataPath,
        Parameters attributes,
        Optional<ContentSource> source,
        List<Topology> accessibleTopology,
        Parameters parameters) {

    public Volume {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(dataPath, "'dataPath' must not be null");
        Objects.requireNonNull(attributes, "'attributes' must not be null");
        Objects.requireNonNull(source, "'source' must not be null");
        Objects.requireNonNull(parameters, "'parameters' must not be null");
        accessibleTopology = List.copyOf(accessibleTopology);
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
    }

    public Volume withCapacity(long bytes) {
        return new Volume(id, name, bytes, dataPath, attributes, source, accessibleTopology, parameters);
    }
}
