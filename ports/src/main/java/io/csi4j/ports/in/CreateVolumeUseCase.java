package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;

/** Creates a volume, or returns the one already created under the same name (CSI CreateVolume). */
@FunctionalInterface
public interface CreateVolumeUseCase {
    Either<Failure, Volume> createVolume(CreateVolumeCommand command);
}
