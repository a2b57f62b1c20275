package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.Map;

/** Makes a volume reachable from one node on the storage side (CSI ControllerPublishVolume). */
@FunctionalInterface
public interface PublishVolumeUseCase {

    /** @return the publish context the node gets with its stage and publish calls */
    Either<Failure, Map<String, String>> publish(String volumeId, NodeId node, VolumeCapability capability,
            boolean readOnly, Secrets secrets);
}
