package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.NodeGetCapabilitiesResponse;
import io.csi4j.csi.v1.NodeGetInfoResponse;
import io.csi4j.csi.v1.NodeGetVolumeStatsResponse;
import io.csi4j.csi.v1.NodeServiceCapability;
import io.csi4j.csi.v1.VolumeUsage;
import io.csi4j.domain.capability.NodeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.in.DescribeNode;
import io.csi4j.ports.in.NodeVolumeStats;

/** Translates the node use cases' answers into CSI Node responses. */
public final class NodeMapper {

    private NodeMapper() {}

    /** @param topology whether VOLUME_ACCESSIBILITY_CONSTRAINTS is advertised (CSI §4.9) */
    public static NodeGetInfoResponse info(DescribeNode node, boolean topology) {
        var b = NodeGetInfoResponse.newBuilder().setNodeId(node.nodeId()).setMaxVolumesPerNode(node.maxVolumesPerNode());
        if (topology) {
            node.topology().ifPresent(t -> b.setAccessibleTopology(TopologyMapper.toProto(t)));
        }
        return b.build();
    }

    public static NodeGetCapabilitiesResponse capabilities(java.util.Set<NodeCapability> capabilities) {
        var b = NodeGetCapabilitiesResponse.newBuilder();
        capabilities.stream().sorted().forEach(c -> b.addCapabilities(NodeServiceCapability.newBuilder()
                .setRpc(NodeServiceCapability.RPC.newBuilder().setType(toProto(c)))));
        return b.build();
    }

    /** @param condition whether node VOLUME_CONDITION is advertised */
    public static NodeGetVolumeStatsResponse stats(NodeVolumeStats s, boolean condition) {
        var bytes = VolumeUsage.newBuilder().setUnit(VolumeUsage.Unit.BYTES).setTotal(s.totalBytes());
        s.usedBytes().ifPresent(bytes::setUsed);
        s.availableBytes().ifPresent(bytes::setAvailable);
        var b = NodeGetVolumeStatsResponse.newBuilder().addUsage(bytes);
        if (s.totalInodes().isPresent()) {
            var inodes = VolumeUsage.newBuilder().setUnit(VolumeUsage.Unit.INODES).setTotal(s.totalInodes().getAsLong());
            s.usedInodes().ifPresent(inodes::setUsed);
            s.freeInodes().ifPresent(inodes::setAvailable);
            b.addUsage(inodes);
        }
        if (condition) {
            b.setVolumeCondition(condition(s.condition()));
        }
        return b.build();
    }

    private static io.csi4j.csi.v1.VolumeCondition condition(VolumeCondition c) {
        return io.csi4j.csi.v1.VolumeCondition.newBuilder().setAbnormal(c.abnormal()).setMessage(c.message()).build();
    }

    static NodeServiceCapability.RPC.Type toProto(NodeCapability c) {
        return switch (c) {
            case STAGE_UNSTAGE_VOLUME -> NodeServiceCapability.RPC.Type.STAGE_UNSTAGE_VOLUME;
            case GET_VOLUME_STATS -> NodeServiceCapability.RPC.Type.GET_VOLUME_STATS;
            case EXPAND_VOLUME -> NodeServiceCapability.RPC.Type.EXPAND_VOLUME;
            case VOLUME_CONDITION -> NodeServiceCapability.RPC.Type.VOLUME_CONDITION;
            case SINGLE_NODE_MULTI_WRITER -> NodeServiceCapability.RPC.Type.SINGLE_NODE_MULTI_WRITER;
            case VOLUME_MOUNT_GROUP -> NodeServiceCapability.RPC.Type.VOLUME_MOUNT_GROUP;
        };
    }
}
