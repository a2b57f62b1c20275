package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.PublishVolumeUseCase;
import io.csi4j.ports.out.PublishSupport;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CSI ControllerPublishVolume (§3.4): NotFound for an unknown volume; a capability the volume cannot serve is
 * FailedPrecondition; a volume whose mode is not MULTI_NODE_* already published to another node is
 * FailedPrecondition naming that node. A backend that needs no controller-side work answers with an empty
 * publish context.
 */
public final class ControllerPublishService implements PublishVolumeUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public ControllerPublishService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Map<String, String>> publish(String volumeId, NodeId node, VolumeCapability capability,
            boolean readOnly, Secrets secrets) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> backends.volume("volume_id", volumeId)
                .flatMap(r -> r.backend().get(r.id())
                        .flatMap(v -> r.backend().supports(v, capability)
                                .mapLeft(f -> Failure.precondition("the volume cannot be published as asked: "
                                        + f.message())))
                        .flatMap(ok -> {
                            Optional<PublishSupport> publishing = r.backend().publishing();
                            if (publishing.isEmpty()) {
                                return Either.right(Map.<String, String>of());
                            }
                            return exclusiveUse(publishing.get(), r.id(), node, capability)
                                    .flatMap(free -> publishing.get().publish(r.id(), node, capability, readOnly, secrets));
                        })));
    }

    private static Either<Failure, Boolean> exclusiveUse(PublishSupport publishing, io.csi4j.domain.id.VolumeId id,
            NodeId node, VolumeCapability capability) {
        if (capability.accessMode().isMultiNode()) {
            return Either.right(true);
        }
        return publishing.publishedNodes(id).flatMap((List<NodeId> nodes) -> nodes.stream()
                .filter(n -> !n.equals(node)).findFirst()
                .<Either<Failure, Boolean>>map(other -> Either.left(Failure.precondition("volume " + id
                        + " is already published to node " + other + " and its access mode is single-node")))
                .orElseGet(() -> Either.right(true)));
    }
}
