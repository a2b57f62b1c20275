package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.Backends;
import io.vavr.control.Either;

/**
 * Refuses node calls for a volume that no backend served here owns, before any host operation: for NodeStage,
 * NodePublish, NodeGetVolumeStats and NodeExpand such a volume does not exist (CSI §4.2, §4.4, §4.6, §4.7: NotFound),
 * whatever its volume_context says, so a made-up id cannot reach another volume's data or mounts. NodeUnstage and
 * NodeUnpublish pass through: they undo whatever is at the path and succeed when nothing is (CSI §4.3, §4.5).
 */
public final class OwnedVolumes {

    private OwnedVolumes() {}

    /** {@code useCases} with the ownership check in front of the calls that need an existing volume. */
    public static NodeVolumeUseCases guard(NodeVolumeUseCases useCases, Backends backends) {
        return new NodeVolumeUseCases(
                c -> owned(backends, c.volumeId()).flatMap(ok -> useCases.stage().stage(c)),
                useCases.unstage(),
                c -> owned(backends, c.volumeId()).flatMap(ok -> useCases.publish().publish(c)),
                useCases.unpublish(),
                (id, path, staging) -> owned(backends, id).flatMap(ok -> useCases.stats().stats(id, path, staging)),
                (id, path, staging, range, capability) -> owned(backends, id)
                        .flatMap(ok -> useCases.expand().expand(id, path, staging, range, capability)),
                useCases.describe());
    }

    private static Either<Failure, Done> owned(Backends backends, String volumeId) {
        return backends.volume("volume_id", volumeId).map(routed -> Done.DONE);
    }
}
