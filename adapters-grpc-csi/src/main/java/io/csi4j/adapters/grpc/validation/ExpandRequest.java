package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Optional;

/** A validated ControllerExpandVolume request; the volume id is raw, for the use case to route. */
public record ExpandRequest(String volumeId, CapacityRange capacity, Optional<VolumeCapability> capability,
        Secrets secrets) {}
