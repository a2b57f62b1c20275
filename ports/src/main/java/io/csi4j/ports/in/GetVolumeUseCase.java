package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.VolumeEntry;
import io.vavr.control.Either;

/** One volume with its status; NotFound when absent (CSI ControllerGetVolume). */
@FunctionalInterface
public interface GetVolumeUseCase {
    Either<Failure, VolumeEntry> getVolume(String volumeId);
}
