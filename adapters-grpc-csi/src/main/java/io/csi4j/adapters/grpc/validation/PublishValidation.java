package io.csi4j.adapters.grpc.validation;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.validation.Fields.Modes;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.vavr.control.Either;
import java.util.Optional;

/** Checks ControllerPublish/Unpublish requests (CSI §3.4, §3.5). */
public final class PublishValidation {

    private PublishValidation() {}

    public static Either<Failure, PublishRequest> publish(ControllerPublishVolumeRequest r, Advertised advertised) {
        var id = Fields.id("volume_id", r.getVolumeId());
        var node = NodeId.parse("node_id", r.getNodeId());
        var capability = r.hasVolumeCapability()
                ? Fields.capability("volume_capability", r.getVolumeCapability(), advertised, Modes.ADVERTISED)
                : Either.<Failure, io.csi4j.domain.volume.VolumeCapability>left(
                        Failure.invalidArgument("volume_capability is required"));
        var context = Fields.map("volume_context", r.getVolumeContextMap());
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        var failure = Fields.firstFailure(id, node, capability, context, secrets);
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        // Rec (§3.4): readonly=true without PUBLISH_READONLY advertised is a request this plugin cannot honour.
        if (r.getReadonly() && !advertised.has(ControllerCapability.PUBLISH_READONLY)) {
            return Either.left(Failure.invalidArgument("readonly publication is not supported"));
        }
        return Either.right(new PublishRequest(id.get(), node.get(), capability.get(), r.getReadonly(), secrets.get()));
    }

    public static Either<Failure, UnpublishRequest> unpublish(ControllerUnpublishVolumeRequest r) {
        var id = Fields.id("volume_id", r.getVolumeId());
        var node = r.getNodeId().isEmpty() ? Either.<Failure, Optional<NodeId>>right(Optional.empty())
                : NodeId.parse("node_id", r.getNodeId()).map(Optional::of);
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        return Fields.firstFailure(id, node, secrets).map(Either::<Failure, UnpublishRequest>left)
                .orElseGet(() -> Either.right(new UnpublishRequest(id.get(), node.get(), secrets.get())));
    }
}
