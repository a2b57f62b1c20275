package io.csi4j.ports.service.node;

import io.csi4j.domain.capability.NodeCapability;
import io.csi4j.domain.topology.Topology;
import io.csi4j.ports.in.DescribeNode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** CSI NodeGetInfo and NodeGetCapabilities (§4.8, §4.9): stable answers from configuration. */
public final class DescribeNodeService implements DescribeNode {

    private final NodeSettings settings;

    public DescribeNodeService(NodeSettings settings) {
        this.settings = settings;
    }

    @Override
    public String nodeId() {
        return settings.node().toId().value();
    }

    @Override
    public long maxVolumesPerNode() {
        return settings.maxVolumesPerNode();
    }

    @Override
    public Optional<Topology> topology() {
        return settings.topology();
    }

    @Override
    public Set<NodeCapability> capabilities() {
        return EnumSet.of(NodeCapability.STAGE_UNSTAGE_VOLUME, NodeCapability.GET_VOLUME_STATS,
                NodeCapability.EXPAND_VOLUME, NodeCapability.VOLUME_CONDITION, NodeCapability.SINGLE_NODE_MULTI_WRITER,
                NodeCapability.VOLUME_MOUNT_GROUP);
    }
}
