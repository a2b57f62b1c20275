package io.csi4j.ports.in;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;

/** Deletes a volume; success when it does not exist (CSI DeleteVolume). */
@FunctionalInterface
public interface DeleteVolumeUseCase {
    Either<Failure, Done> deleteVolume(String volumeId, Secrets secrets);
}
