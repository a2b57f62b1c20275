package io.csi4j.ports.service;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.in.UnpublishVolumeUseCase;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * CSI ControllerUnpublishVolume (§3.5): a volume no backend owns can safely be regarded as unpublished, so it is
 * success; so is a backend that publishes nothing.
 */
public final class ControllerUnpublishService implements UnpublishVolumeUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public ControllerUnpublishService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Done> unpublish(String volumeId, Optional<NodeId> node, Secrets secrets) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> backends.volume("volume_id", volumeId).fold(
                unknown -> Either.right(Done.DONE),
                r -> r.backend().publishing().map(p -> p.unpublish(r.id(), node, secrets))
                        .orElseGet(() -> Either.right(Done.DONE))));
    }
}
