package io.csi4j.domain.volume;

import io.csi4j.domain.id.NodeId;
import java.util.List;
import java.util.Optional;

/** What the controller knows of a volume's use: the nodes it is published to, and its condition. */
public record VolumeStatus(List<NodeId> publishedNodes, Optional<VolumeCondition> condition) {

    public VolumeStatus {
        publishedNodes = List.copyOf(publishedNodes);
    }
}
