package io.csi4j.ports.out;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Making a volume reachable from one node on the storage side (an export rule, a LUN mapping): the
 * ControllerPublish/Unpublish out-port. The caller has already checked access-mode conflicts.
 */
public interface PublishSupport {

    /**
     * Grants the node access; idempotent (a node already granted with the same read-only flag gets the same
     * publish context). NotFound when the volume or the node is unknown to the storage.
     *
     * @return the publish context the node needs (never secrets)
     */
    Either<Failure, Map<String, String>> publish(VolumeId id, NodeId node, VolumeCapability capability,
            boolean readOnly, Secrets secrets);

    /** Revokes the node's access, or every node's when {@code node} is empty; Done when not granted. */
    Either<Failure, Done> unpublish(VolumeId id, Optional<NodeId> node, Secrets secrets);

    /** The nodes the volume is published to, as the storage records it; NotFound when the volume is absent. */
    Either<Failure, List<NodeId>> publishedNodes(VolumeId id);
}
