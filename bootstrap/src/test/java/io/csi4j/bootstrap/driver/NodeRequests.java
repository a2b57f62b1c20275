package io.csi4j.bootstrap.driver;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.NodeExpandVolumeRequest;
import io.csi4j.csi.v1.NodeGetVolumeStatsRequest;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import java.nio.file.Path;
import java.util.List;

/** The node requests kubelet sends, built the way kubelet builds them. */
final class NodeRequests {

    private NodeRequests() {}

    static VolumeCapability mount(String fsType, Mode mode) {
        return mount(fsType, mode, List.of(), "");
    }

    static VolumeCapability mount(String fsType, Mode mode, List<String> flags, String group) {
        return VolumeCapability.newBuilder()
                .setMount(VolumeCapability.MountVolume.newBuilder().setFsType(fsType).addAllMountFlags(flags)
                        .setVolumeMountGroup(group))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode))
                .build();
    }

    static VolumeCapability block(Mode mode) {
        return VolumeCapability.newBuilder()
                .setBlock(VolumeCapability.BlockVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode))
                .build();
    }

    static NodeStageVolumeRequest stage(Volume v, Path staging, VolumeCapability capability) {
        return NodeStageVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).setStagingTargetPath(staging.toString())
                .setVolumeCapability(capability).putAllVolumeContext(v.getVolumeContextMap()).build();
    }

    static NodeUnstageVolumeRequest unstage(Volume v, Path staging) {
        return NodeUnstageVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .setStagingTargetPath(staging.toString()).build();
    }

    static NodePublishVolumeRequest publish(Volume v, Path staging, Path target, VolumeCapability capability,
            boolean readOnly) {
        return NodePublishVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .setStagingTargetPath(staging.toString()).setTargetPath(target.toString())
                .setVolumeCapability(capability).setReadonly(readOnly).putAllVolumeContext(v.getVolumeContextMap())
                .build();
    }

    static NodeUnpublishVolumeRequest unpublish(Volume v, Path target) {
        return NodeUnpublishVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).setTargetPath(target.toString())
                .build();
    }

    static NodeGetVolumeStatsRequest stats(Volume v, Path volumePath, Path staging) {
        return NodeGetVolumeStatsRequest.newBuilder().setVolumeId(v.getVolumeId()).setVolumePath(volumePath.toString())
                .setStagingTargetPath(staging.toString()).build();
    }

    static NodeExpandVolumeRequest expand(Volume v, Path volumePath, Path staging, VolumeCapability capability,
            long bytes) {
        return NodeExpandVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).setVolumePath(volumePath.toString())
                .setStagingTargetPath(staging.toString()).setVolumeCapability(capability)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes)).build();
    }
}
