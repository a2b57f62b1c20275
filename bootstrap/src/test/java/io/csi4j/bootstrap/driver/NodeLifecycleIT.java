package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.NodeTestbed.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.NodeGetCapabilitiesRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeGetVolumeStatsResponse;
import io.csi4j.csi.v1.NodeServiceCapability;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeUsage;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kubelet's sequence over the real socket, for every local volume kind and access type, asserting on the host's
 * real state: NodeGetInfo, NodeGetCapabilities, NodeStageVolume, NodePublishVolume at two targets (and a read-only
 * third), NodeGetVolumeStats at the staging and target paths, ControllerExpandVolume + NodeExpandVolume with data
 * written before and read after, NodeUnpublishVolume, NodeUnstageVolume — and nothing left afterwards.
 */
class NodeLifecycleIT extends NodeDriverBase {

    private final Map<String, Volume> volumes = new HashMap<>();

    @Test
    void nodeInfoAndCapabilitiesAreStableAndComplete() throws Exception {
        var info = bed.ok(() -> bed.csi().node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()));
        assertThat(info.getNodeId()).isEqualTo(NodeTestbed.NODE_ID);
        assertThat(info.getAccessibleTopology().getSegmentsMap())
                .containsEntry("topology.csi4j.io/node", NodeTestbed.NODE_ID);
        assertThat(bed.csi().node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance())).isEqualTo(info);

        var types = bed.ok(() -> bed.csi().node().nodeGetCapabilities(NodeGetCapabilitiesRequest.getDefaultInstance()))
                .getCapabilitiesList().stream().map(c -> c.getRpc().getType()).toList();
        assertThat(types).containsExactlyInAnyOrder(NodeServiceCapability.RPC.Type.STAGE_UNSTAGE_VOLUME,
                NodeServiceCapability.RPC.Type.GET_VOLUME_STATS, NodeServiceCapability.RPC.Type.EXPAND_VOLUME,
                NodeServiceCapability.RPC.Type.VOLUME_CONDITION, NodeServiceCapability.RPC.Type.SINGLE_NODE_MULTI_WRITER,
                NodeServiceCapability.RPC.Type.VOLUME_MOUNT_GROUP);

        // CSI §8: the node id is identical across restarts.
        bed.kill();
        bed.relaunch();
        assertThat(bed.ok(() -> bed.csi().node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()))).isEqualTo(info);
    }

    @ParameterizedTest
    @EnumSource(NodeVolumeKind.class)
    void aVolumeGoesThroughKubeletsWholeSequenceAndLeavesNothing(NodeVolumeKind kind) throws Exception {
        var before = bed.state();
        String pv = "pv-life-" + kind.name().toLowerCase();
        VolumeCapability cap = kind.capability();
        Volume v = bed.createVolume(pv, kind.parameters(), cap, kind.bytes());
        Path staging = kind.staging(bed, pv);
        Path t1 = kind.target(bed, pv, "pod-1");
        Path t2 = kind.target(bed, pv, "pod-2");
        Path ro = kind.target(bed, pv, "pod-ro");

        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        var staged = NodeHostState.mountsUnder(staging);
        assertThat(staged).as("one mount for the staged volume").hasSize(1);
        assertThat(NodeHostState.loopsUnder(bed.localRoot())).hasSize(kind.image() ? 1 : 0);
        if (kind.image() && !kind.block()) {
            assertThat(staged.get(0).fsType()).isEqualTo(kind.fsType());
            assertThat(staged.get(0).source())
                    .isEqualTo(NodeHostState.loopsUnder(bed.localRoot()).get(0).device().toString());
        }

        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t1, cap, false)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t2, cap, false)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, ro, cap, true)));
        assertPublished(kind, v, t1, false);
        assertPublished(kind, v, t2, false);
        assertPublished(kind, v, ro, true);

        byte[] data = NodeData.random(64 * 1024, kind.ordinal());
        NodeData.write(t1, kind.block(), data);
        assertThat(NodeData.read(t2, kind.block(), data.length)).as("written through one target, read through the other")
                .isEqualTo(data);
        byte[] other = NodeData.random(data.length, kind.ordinal() + 100);
        if (kind.block()) {
            // A read-only bind of a device node still passes writes: the target shows a read-only view instead.
            assertThat(NodeData.read(ro, true, data.length)).as("the read-only target shows the data").isEqualTo(data);
            assertThatThrownBy(() -> NodeData.write(ro, true, other)).as("a read-only publication refuses writes")
                    .isInstanceOf(IOException.class);
            Path device = NodeHostState.loopsUnder(bed.localRoot()).getLast().device();
            assertThat(NodeHostState.loopsBackedBy(device)).as("one read-only view of the staged device").hasSize(1);
        } else {
            assertThatThrownBy(() -> NodeData.write(ro, false, other)).as("a read-only publication refuses writes")
                    .isInstanceOf(FileSystemException.class).hasMessageContaining("Read-only file system");
        }
        assertThat(NodeData.read(t2, kind.block(), data.length)).as("the data is unchanged").isEqualTo(data);

        assertStats(kind, v, staging, staging, v.getCapacityBytes());
        assertStats(kind, v, t1, staging, v.getCapacityBytes());
        assertStats(kind, v, ro, staging, v.getCapacityBytes());

        long grown = kind.bytes() + 128 * MIB;
        expand(kind, v, staging, t1, t2, ro, cap, grown, data);

        for (Path t : List.of(t1, t2, ro)) {
            bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, t)));
            assertThat(NodeHostState.mountsAt(t)).isEmpty();
            assertThat(Files.exists(t)).as("the plugin removes the target it created (CSI §4.5)").isFalse();
        }
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).as("no mount and no loop device left").isEqualTo(before);
        assertThat(Files.isDirectory(staging)).as("the staging directory belongs to the CO").isTrue();
        try (var left = Files.list(staging)) {
            assertThat(left).as("nothing of ours left in the staging directory").isEmpty();
        }
        bed.ok(() -> bed.csi().controller().deleteVolume(
                DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).build()));
    }

    /**
     * A raw block volume in a reader-only access mode (CSI §4.4, Rec: READER_ONLY modes publish read-only): the
     * device itself refuses writes, because a read-only bind of a device node still passes them to the volume.
     */
    @Test
    void aReaderOnlyBlockVolumeRefusesWritesThroughItsDevice() throws Exception {
        var before = bed.state();
        NodeVolumeKind kind = NodeVolumeKind.BLOCK;
        VolumeCapability reader = kind.capability(VolumeCapability.AccessMode.Mode.SINGLE_NODE_READER_ONLY);
        Volume v = bed.createVolume("pv-ro-block", kind.parameters(), kind.capability(), kind.bytes());
        Path staging = kind.staging(bed, "pv-ro-block");
        Path target = kind.target(bed, "pv-ro-block", "pod-1");

        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, reader)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, reader, false)));

        assertPublished(kind, v, target, true);
        assertThat(NodeData.read(target, true, 4096)).hasSize(4096);
        assertThatThrownBy(() -> NodeData.write(target, true, NodeData.random(4096, 7)))
                .as("a reader-only block volume refuses writes").isInstanceOf(IOException.class);
        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).as("no mount and no loop device left").isEqualTo(before);
        bed.ok(() -> bed.csi().controller().deleteVolume(
                DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).build()));
    }

    /**
     * volume_mount_group (CSI §6.2, node VOLUME_MOUNT_GROUP): a user who is only a member of the group can create
     * files and directories in the published volume, and they belong to the group; the same volume kind published
     * without the group is the control.
     */
    @ParameterizedTest
    @EnumSource(value = NodeVolumeKind.class, names = {"DIRECTORY", "EXT4", "XFS"})
    void theMountGroupGetsReadWriteAccessToNewFiles(NodeVolumeKind kind) throws Exception {
        var before = bed.state();
        Path shared = publishedWithGroup(kind, "pv-group-" + kind.name().toLowerCase(), "40000");
        Path unshared = publishedWithGroup(kind, "pv-nogroup-" + kind.name().toLowerCase(), "");

        NodeCommands.ok(asGroupMember("mkdir", shared.resolve("dir").toString()));
        NodeCommands.ok(asGroupMember("touch", shared.resolve("dir/file").toString()));
        assertThat(Files.getAttribute(shared.resolve("dir"), "unix:gid")).isEqualTo(40000);
        assertThat(Files.getAttribute(shared.resolve("dir/file"), "unix:gid")).isEqualTo(40000);
        // The control: a fresh filesystem's root is root's alone; a directory volume is open to all (mode 0777),
        // but what its users create there gets their own primary group, not the mount group.
        var control = NodeCommands.run(asGroupMember("mkdir", unshared.resolve("dir").toString()));
        if (kind.image()) {
            assertThat(control.ok()).as("without volume_mount_group: " + control.output()).isFalse();
        } else {
            assertThat(Files.getAttribute(unshared.resolve("dir"), "unix:gid")).isEqualTo(40002);
        }

        for (Path target : List.of(shared, unshared)) {
            String pv = target.getParent().getFileName().toString();
            Volume v = volumes.get(pv);
            Path staging = kind.staging(bed, pv);
            bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        }
        assertThat(bed.state()).isEqualTo(before);
    }

    private Path publishedWithGroup(NodeVolumeKind kind, String pv, String group) throws IOException {
        VolumeCapability cap = NodeRequests.mount(kind.fsType(), VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER,
                List.of(), group);
        Volume v = bed.createVolume(pv, kind.parameters(), cap, kind.bytes());
        volumes.put(pv, v);
        Path staging = kind.staging(bed, pv);
        Path target = kind.target(bed, pv, "pod-1");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
        return target;
    }

    /** A command run by uid 40001, whose primary group is 40002 and whose only other group is 40000. */
    private static List<String> asGroupMember(String... command) {
        var argv = new ArrayList<>(List.of("setpriv", "--reuid=40001", "--regid=40002", "--groups=40000", "--"));
        argv.addAll(List.of(command));
        return argv;
    }

    private void assertPublished(NodeVolumeKind kind, Volume v, Path target, boolean readOnly) throws IOException {
        var mounts = NodeHostState.mountsAt(target);
        assertThat(mounts).as("one mount at " + target).hasSize(1);
        assertThat(mounts.get(0).readOnly()).as("read-only flag of " + target).isEqualTo(readOnly);
        if (kind.block()) {
            assertThat(NodeHostState.isBlockDevice(target)).as(target + " is a block device").isTrue();
            assertThat(NodeHostState.blockDeviceSize(target)).as("the device has the volume's size")
                    .isEqualTo(v.getCapacityBytes());
        } else {
            assertThat(Files.isDirectory(target)).isTrue();
        }
    }

    private void assertStats(NodeVolumeKind kind, Volume v, Path path, Path staging, long capacity) {
        NodeGetVolumeStatsResponse stats = bed.ok(() -> bed.csi().node().nodeGetVolumeStats(
                NodeRequests.stats(v, path, staging)));
        var bytes = stats.getUsageList().stream().filter(u -> u.getUnit() == VolumeUsage.Unit.BYTES).findFirst()
                .orElseThrow();
        assertThat(stats.getVolumeCondition().getAbnormal()).as(stats.getVolumeCondition().getMessage()).isFalse();
        assertThat(stats.getVolumeCondition().getMessage()).isNotEmpty();
        if (kind.block()) {
            assertThat(bytes.getTotal()).as("block: the device's size").isEqualTo(capacity);
            return;
        }
        assertThat(bytes.getTotal()).isPositive();
        assertThat(bytes.getUsed()).isBetween(0L, bytes.getTotal());
        assertThat(bytes.getAvailable()).isBetween(0L, bytes.getTotal());
        var inodes = stats.getUsageList().stream().filter(u -> u.getUnit() == VolumeUsage.Unit.INODES).findFirst();
        assertThat(inodes).as("INODES usage").isPresent();
        assertThat(inodes.get().getTotal()).isPositive();
        if (kind.image()) {
            assertThat(bytes.getTotal()).as("a filesystem fits in its image").isLessThanOrEqualTo(capacity);
        }
    }

    /**
     * Online expansion as the external-resizer and kubelet do it: the controller grows the image, the node grows
     * the loop device and the filesystem while both targets stay published. ext4's online grow needs
     * CAP_SYS_RESOURCE; without it the node answers a clear PERMISSION_DENIED and nothing else changes.
     */
    private void expand(NodeVolumeKind kind, Volume v, Path staging, Path t1, Path t2, Path ro, VolumeCapability cap,
            long bytes, byte[] data) throws IOException {
        var response = bed.ok(() -> bed.csi().controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).setVolumeCapability(cap)
                .setCapacityRange(io.csi4j.csi.v1.CapacityRange.newBuilder().setRequiredBytes(bytes)).build()));
        assertThat(response.getCapacityBytes()).isGreaterThanOrEqualTo(bytes);
        assertThat(response.getNodeExpansionRequired()).as("images need the node to grow them").isEqualTo(kind.image());

        var request = NodeRequests.expand(v, t1, staging, cap, bytes);
        if (kind == NodeVolumeKind.EXT4 && !NodeTestbed.hasCapSysResource()) {
            Status status = NodeTestbed.status(() -> bed.csi().node().nodeExpandVolume(request));
            assertThat(status.getCode()).as(status.toString()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(status.getDescription()).as("the error names the tool that was refused").contains("resize2fs");
            assertThat(NodeData.read(t2, false, data.length)).isEqualTo(data);
            return;
        }
        long grownTo = bed.ok(() -> bed.csi().node().nodeExpandVolume(request)).getCapacityBytes();
        assertThat(grownTo).isGreaterThanOrEqualTo(kind.image() ? bytes : 0);
        bed.ok(() -> bed.csi().node().nodeExpandVolume(request));
        if (kind.block()) {
            assertThat(NodeHostState.blockDeviceSize(t1)).isEqualTo(response.getCapacityBytes());
            assertThat(NodeHostState.blockDeviceSize(t2)).isEqualTo(response.getCapacityBytes());
            assertThat(NodeHostState.blockDeviceSize(ro)).as("the read-only view grew too")
                    .isEqualTo(response.getCapacityBytes());
        } else if (kind.image()) {
            long total = Files.getFileStore(t2).getTotalSpace();
            assertThat(total).as("the filesystem grew past the old image size").isGreaterThan(kind.bytes());
            assertStats(kind, v, t2, staging, response.getCapacityBytes());
        }
        assertThat(NodeData.read(t2, kind.block(), data.length)).as("data written before the grow").isEqualTo(data);
    }
}
