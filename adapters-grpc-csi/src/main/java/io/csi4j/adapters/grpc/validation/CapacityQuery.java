package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;
import java.util.Optional;

/** A validated GetCapacity request: the filters the answer must honour. */
public record CapacityQuery(List<VolumeCapability> capabilities, Parameters parameters, Optional<Topology> topology) {

    public CapacityQuery {
        capabilities = List.copyOf(capabilities);
    }
}
