package io.csi4j.testnode;

import io.csi4j.csi.v1.NodeExpandVolumeRequest;
import io.csi4j.csi.v1.NodeGetVolumeStatsRequest;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The node requests kubelet sends, for one volume at the paths kubelet would use. */
record Requests(String volumeId, VolumeCapability capability, DataPath dataPath, Map<String, String> context,
        Map<String, String> secrets, Map<String, String> publishContext) {

    static final String KUBELET = "/var/lib/kubelet";

    static VolumeCapability mount(String fsType, Mode mode, String... flags) {
        return VolumeCapability.newBuilder()
                .setMount(VolumeCapability.MountVolume.newBuilder().setFsType(fsType).addAllMountFlags(List.of(flags)))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode)).build();
    }

    static VolumeCapability block(Mode mode) {
        return VolumeCapability.newBuilder().setBlock(VolumeCapability.BlockVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode)).build();
    }

    static Requests of(String volumeId, VolumeCapability capability, DataPath dataPath) {
        return new Requests(volumeId, capability, dataPath, Map.of(), Map.of(), Map.of());
    }

    Requests withSecrets(Map<String, String> more) {
        return new Requests(volumeId, capability, dataPath, context, more, publishContext);
    }

    Requests withContext(Map<String, String> more) {
        return new Requests(volumeId, capability, dataPath, more, secrets, publishContext);
    }

    Requests withCapability(VolumeCapability other) {
        return new Requests(volumeId, other, dataPath, context, secrets, publishContext);
    }

    /** What ControllerPublishVolume returned, passed to NodeStage and NodePublish as kubelet does. */
    Requests withPublishContext(Map<String, String> given) {
        return new Requests(volumeId, capability, dataPath, context, secrets, given);
    }

    /** The volume's name in kubelet's paths (array volume ids hold slashes: {@code /share}, {@code /share/file}). */
    String directoryName() {
        return volumeId.replace(':', '-').replace('/', '_');
    }

    String staging() {
        return KUBELET + "/plugins/kubernetes.io/csi/csi4j.io/" + directoryName() + "/globalmount";
    }

    String target(String pod) {
        return KUBELET + "/pods/" + pod + "/volumes/kubernetes.io~csi/" + directoryName() + "/mount";
    }

    NodeStageVolumeRequest stage() {
        Map<String, String> ctx = new TreeMap<>(DataPathCodec.encode(dataPath));
        ctx.putAll(context);
        return NodeStageVolumeRequest.newBuilder().setVolumeId(volumeId).setStagingTargetPath(staging())
                .setVolumeCapability(capability).putAllVolumeContext(ctx).putAllSecrets(secrets)
                .putAllPublishContext(publishContext).build();
    }

    NodePublishVolumeRequest publish(String pod, boolean readOnly) {
        return NodePublishVolumeRequest.newBuilder().setVolumeId(volumeId).setStagingTargetPath(staging())
                .setTargetPath(target(pod)).setVolumeCapability(capability).setReadonly(readOnly)
                .putAllVolumeContext(DataPathCodec.encode(dataPath)).putAllPublishContext(publishContext).build();
    }

    NodeUnpublishVolumeRequest unpublish(String pod) {
        return NodeUnpublishVolumeRequest.newBuilder().setVolumeId(volumeId).setTargetPath(target(pod)).build();
    }

    NodeUnstageVolumeRequest unstage() {
        return NodeUnstageVolumeRequest.newBuilder().setVolumeId(volumeId).setStagingTargetPath(staging()).build();
    }

    NodeExpandVolumeRequest expand(String path, long bytes) {
        return NodeExpandVolumeRequest.newBuilder().setVolumeId(volumeId).setVolumePath(path)
                .setStagingTargetPath(staging()).setVolumeCapability(capability)
                .setCapacityRange(io.csi4j.csi.v1.CapacityRange.newBuilder().setRequiredBytes(bytes)).build();
    }

    NodeGetVolumeStatsRequest stats(String path) {
        return NodeGetVolumeStatsRequest.newBuilder().setVolumeId(volumeId).setVolumePath(path).build();
    }
}
