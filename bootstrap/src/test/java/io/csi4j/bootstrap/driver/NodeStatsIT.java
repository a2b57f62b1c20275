package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.NodeGetVolumeStatsResponse;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NodeGetVolumeStats (CSI §4.6) beyond the numbers the lifecycle test checks: NOT_FOUND where the volume is not,
 * and the volume condition turning abnormal when the filesystem goes read-only under a read-write publication —
 * once through a real ext4 error (mounted errors=remount-ro, error injected through ext4's sysfs trigger), once
 * through an administrator's {@code mount -o remount,ro} of the staging mount (xfs), which makes the superblock
 * read-only while the publication's bind stays read-write.
 */
class NodeStatsIT extends NodeDriverBase {

    @Test
    void pathsWhereTheVolumeIsNotAreNotFound() throws IOException {
        VolumeCapability cap = NodeVolumeKind.EXT4.capability();
        Volume v = bed.createVolume("pv-stats-nf", NodeVolumeKind.EXT4.parameters(), cap, NodeVolumeKind.EXT4.bytes());
        Path staging = bed.stagingDir("pv-stats-nf");
        Path target = bed.target("pv-stats-nf", "pod-1");
        Path emptyDir = Files.createDirectories(
                bed.kubelet().resolve("pods/pod-2/volumes/kubernetes.io~csi/pv-stats-nf/mount"));

        expectNotFound(v, staging, staging);
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        expectNotFound(v, target, staging);
        expectNotFound(v, emptyDir, staging);
        expectNotFound(v, staging.resolve("no-such-dir"), staging);
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
        assertThat(stats(v, target, staging).getVolumeCondition().getAbnormal()).isFalse();
        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        expectNotFound(v, target, staging);
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        expectNotFound(v, staging, staging);
    }

    @Test
    void anExt4ErrorMakesTheVolumeAbnormal() throws IOException {
        VolumeCapability cap = NodeRequests.mount("ext4", Mode.SINGLE_NODE_WRITER, List.of("errors=remount-ro"), "");
        Volume v = bed.createVolume("pv-stats-err", NodeVolumeKind.EXT4.parameters(), cap, NodeVolumeKind.EXT4.bytes());
        Path staging = bed.stagingDir("pv-stats-err");
        Path target = bed.target("pv-stats-err", "pod-1");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
        assertThat(stats(v, target, staging).getVolumeCondition().getAbnormal()).isFalse();

        String device = NodeHostState.mountsAt(staging).get(0).source();
        Files.writeString(Path.of("/sys/fs/ext4").resolve(Path.of(device).getFileName()).resolve("trigger_fs_error"), "1");

        for (Path path : List.of(target, staging)) {
            var condition = stats(v, path, staging).getVolumeCondition();
            assertThat(condition.getAbnormal()).as(path + ": " + NodeHostState.mountsAt(path)).isTrue();
            assertThat(condition.getMessage()).contains("read-only");
        }
        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(NodeHostState.loopsUnder(bed.localRoot())).isEmpty();
        // The next stage checks the filesystem first (e2fsck repairs the recorded error), then mounts it again.
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        assertThat(stats(v, staging, staging).getVolumeCondition().getAbnormal()).isFalse();
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
    }

    @Test
    void aReadOnlyRemountUnderAWritablePublicationIsAbnormal() throws IOException {
        VolumeCapability cap = NodeVolumeKind.XFS.capability();
        Volume v = bed.createVolume("pv-stats-ro", NodeVolumeKind.XFS.parameters(), cap, NodeVolumeKind.XFS.bytes());
        Path staging = bed.stagingDir("pv-stats-ro");
        Path target = bed.target("pv-stats-ro", "pod-1");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));

        NodeCommands.ok("mount", "-o", "remount,ro", staging.toString());
        var abnormal = stats(v, target, staging).getVolumeCondition();
        assertThat(abnormal.getAbnormal()).as(NodeHostState.mountsAt(target).toString()).isTrue();
        NodeCommands.ok("mount", "-o", "remount,rw", staging.toString());
        assertThat(stats(v, target, staging).getVolumeCondition().getAbnormal()).as("healthy again").isFalse();

        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
    }

    private NodeGetVolumeStatsResponse stats(Volume v, Path path, Path staging) {
        return bed.ok(() -> bed.csi().node().nodeGetVolumeStats(NodeRequests.stats(v, path, staging)));
    }

    private void expectNotFound(Volume v, Path path, Path staging) {
        Status status = NodeTestbed.status(() -> bed.csi().node().nodeGetVolumeStats(NodeRequests.stats(v, path, staging)));
        assertThat(status.getCode()).as(path + ": " + status).isEqualTo(Status.Code.NOT_FOUND);
    }
}
