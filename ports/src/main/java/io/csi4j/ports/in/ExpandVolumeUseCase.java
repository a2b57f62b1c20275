package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.Optional;

/** Grows a volume on the storage side (CSI ControllerExpandVolume). */
@FunctionalInterface
public interface ExpandVolumeUseCase {
    Either<Failure, Expansion> expandVolume(String volumeId, CapacityRange capacity,
            Optional<VolumeCapability> capability, Secrets secrets);
}
