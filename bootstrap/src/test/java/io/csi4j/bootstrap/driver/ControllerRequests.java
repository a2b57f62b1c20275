package io.csi4j.bootstrap.driver;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import java.nio.file.Path;
import java.util.List;

/** Builders for the requests controller driver tests send, shaped like those of the Kubernetes sidecars. */
public final class ControllerRequests {

    private ControllerRequests() {}

    /** A filesystem capability with the backend's default filesystem type. */
    public static VolumeCapability mount(Mode mode) {
        return mount("", mode);
    }

    public static VolumeCapability mount(String fsType, Mode mode) {
        return VolumeCapability.newBuilder()
                .setMount(VolumeCapability.MountVolume.newBuilder().setFsType(fsType))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode))
                .build();
    }

    public static VolumeCapability mountWithFlags(List<String> flags) {
        return VolumeCapability.newBuilder()
                .setMount(VolumeCapability.MountVolume.newBuilder().addAllMountFlags(flags))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(Mode.SINGLE_NODE_WRITER))
                .build();
    }

    public static VolumeCapability block(Mode mode) {
        return VolumeCapability.newBuilder()
                .setBlock(VolumeCapability.BlockVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode))
                .build();
    }

    /** The capability of a ReadWriteOnce filesystem PVC: SINGLE_NODE_WRITER, default filesystem. */
    public static VolumeCapability rwo() {
        return mount(Mode.SINGLE_NODE_WRITER);
    }

    public static CapacityRange range(long requiredBytes, long limitBytes) {
        return CapacityRange.newBuilder().setRequiredBytes(requiredBytes).setLimitBytes(limitBytes).build();
    }

    /** A directory volume: one RWO filesystem capability, no parameters. */
    public static CreateVolumeRequest.Builder directory(String name) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(rwo());
    }

    /** An image volume of the default filesystem type ({@code kind: image}). */
    public static CreateVolumeRequest.Builder image(String name) {
        return directory(name).putParameters("kind", "image");
    }

    /** A raw block image volume. */
    public static CreateVolumeRequest.Builder blockImage(String name) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER));
    }

    public static VolumeContentSource fromSnapshot(String snapshotId) {
        return VolumeContentSource.newBuilder()
                .setSnapshot(VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId(snapshotId)).build();
    }

    public static VolumeContentSource fromVolume(String volumeId) {
        return VolumeContentSource.newBuilder()
                .setVolume(VolumeContentSource.VolumeSource.newBuilder().setVolumeId(volumeId)).build();
    }

    public static CreateSnapshotRequest snapshot(String name, String sourceVolumeId) {
        return CreateSnapshotRequest.newBuilder().setName(name).setSourceVolumeId(sourceVolumeId).build();
    }

    public static DeleteVolumeRequest deleteVolume(String volumeId) {
        return DeleteVolumeRequest.newBuilder().setVolumeId(volumeId).build();
    }

    public static DeleteSnapshotRequest deleteSnapshot(String snapshotId) {
        return DeleteSnapshotRequest.newBuilder().setSnapshotId(snapshotId).build();
    }

    /**
     * Where the volume's data lies on this host, decoded from its volume_context the way a node plugin decodes
     * it: the directory of a directory volume, the image file of an image volume.
     */
    public static Path dataPath(Volume volume) {
        DataPath path = DataPathCodec.decode(volume.getVolumeContextMap())
                .getOrElseThrow(f -> new AssertionError("undecodable volume_context: " + f.message()))
                .orElseThrow(() -> new AssertionError("no data path in " + volume.getVolumeContextMap()));
        return switch (path) {
            case DataPath.LocalDirectory d -> Path.of(d.path());
            case DataPath.LocalImage i -> Path.of(i.path());
            default -> throw new AssertionError("not a local data path: " + path);
        };
    }
}
