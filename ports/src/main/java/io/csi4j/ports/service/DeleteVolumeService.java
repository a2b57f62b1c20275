package io.csi4j.ports.service;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.in.DeleteVolumeUseCase;
import io.vavr.control.Either;

/**
 * CSI DeleteVolume (§3.3): an id no backend owns — unknown, malformed, or already deleted — is success; a
 * volume with dependents is left untouched by the backend, which answers FailedPrecondition.
 */
public final class DeleteVolumeService implements DeleteVolumeUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public DeleteVolumeService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Done> deleteVolume(String volumeId, Secrets secrets) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> backends.volume("volume_id", volumeId)
                .fold(unknown -> Either.right(Done.DONE), routed -> routed.backend().delete(routed.id(), secrets)));
    }
}
