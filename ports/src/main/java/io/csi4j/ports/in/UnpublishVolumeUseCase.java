package io.csi4j.ports.in;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.util.Optional;

/** Revokes a node's (or every node's) access to a volume; success when none is granted (CSI ControllerUnpublishVolume). */
@FunctionalInterface
public interface UnpublishVolumeUseCase {
    Either<Failure, Done> unpublish(String volumeId, Optional<NodeId> node, Secrets secrets);
}
