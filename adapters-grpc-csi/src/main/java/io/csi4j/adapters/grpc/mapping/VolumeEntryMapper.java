package io.csi4j.adapters.grpc.mapping;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.csi.v1.ControllerGetVolumeResponse;
import io.csi4j.csi.v1.ListVolumesResponse;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.domain.volume.VolumeEntry;
import java.util.List;

/**
 * Translates a volume with its status for ListVolumes and ControllerGetVolume. Published nodes and the volume
 * condition are reported only when LIST_VOLUMES_PUBLISHED_NODES and VOLUME_CONDITION are advertised (CSI §3.7,
 * §3.8): without the capability the CO does not expect them.
 */
public final class VolumeEntryMapper {

    private VolumeEntryMapper() {}

    public static ListVolumesResponse.Entry toListEntry(VolumeEntry entry, Advertised advertised) {
        var b = ListVolumesResponse.Entry.newBuilder().setVolume(VolumeMapper.toProto(entry.volume(), advertised));
        boolean nodes = advertised.has(ControllerCapability.LIST_VOLUMES_PUBLISHED_NODES);
        boolean condition = advertised.has(ControllerCapability.VOLUME_CONDITION);
        if (nodes || condition) {
            var s = ListVolumesResponse.VolumeStatus.newBuilder();
            if (nodes) {
                s.addAllPublishedNodeIds(ids(entry.status().publishedNodes()));
            }
            if (condition) {
                entry.status().condition().ifPresent(c -> s.setVolumeCondition(toProto(c)));
            }
            b.setStatus(s);
        }
        return b.build();
    }

    /** ControllerGetVolume: {@code status} is REQUIRED, so it is always present, possibly empty. */
    public static ControllerGetVolumeResponse toGetResponse(VolumeEntry entry, Advertised advertised) {
        var s = ControllerGetVolumeResponse.VolumeStatus.newBuilder();
        if (advertised.has(ControllerCapability.LIST_VOLUMES_PUBLISHED_NODES)) {
            s.addAllPublishedNodeIds(ids(entry.status().publishedNodes()));
        }
        if (advertised.has(ControllerCapability.VOLUME_CONDITION)) {
            entry.status().condition().ifPresent(c -> s.setVolumeCondition(toProto(c)));
        }
        return ControllerGetVolumeResponse.newBuilder()
                .setVolume(VolumeMapper.toProto(entry.volume(), advertised))
                .setStatus(s)
                .build();
    }

    static io.csi4j.csi.v1.VolumeCondition toProto(VolumeCondition condition) {
        return io.csi4j.csi.v1.VolumeCondition.newBuilder()
                .setAbnormal(condition.abnormal())
                .setMessage(condition.message())
                .build();
    }

    private static List<String> ids(List<NodeId> nodes) {
        return nodes.stream().map(NodeId::value).toList();
    }
}
