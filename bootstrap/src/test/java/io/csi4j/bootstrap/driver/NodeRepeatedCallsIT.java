package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.NodeGetVolumeStatsResponse;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeUsage;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CSI §1.2 on real mounts: every node RPC sent twice gives the same answer and one mount, as when kubelet retries
 * after a timeout; the same path asked for with other arguments is ALREADY_EXISTS and changes nothing.
 */
class NodeRepeatedCallsIT extends NodeDriverBase {

    @ParameterizedTest
    @EnumSource(NodeVolumeKind.class)
    void everyNodeCallSentTwiceHasOneEffect(NodeVolumeKind kind) throws Exception {
        var before = bed.state();
        String pv = "pv-twice-" + kind.name().toLowerCase();
        VolumeCapability cap = kind.capability();
        Volume v = bed.createVolume(pv, kind.parameters(), cap, kind.bytes());
        Path staging = kind.staging(bed, pv);
        Path target = kind.target(bed, pv, "pod-1");

        twice(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        assertThat(NodeHostState.mountsUnder(staging)).hasSize(1);
        assertThat(NodeHostState.loopsUnder(bed.localRoot())).hasSize(kind.image() ? 1 : 0);
        var other = kind.capability(Mode.SINGLE_NODE_READER_ONLY);
        assertThat(NodeTestbed.code(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, other))))
                .as("staged here with another capability (CSI §4.2)").isEqualTo(Status.Code.ALREADY_EXISTS);

        twice(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
        assertThat(NodeHostState.mountsAt(target)).hasSize(1);
        assertThat(NodeTestbed.code(() -> bed.csi().node().nodePublishVolume(
                NodeRequests.publish(v, staging, target, cap, true))))
                .as("published here read-write, asked read-only (CSI §4.4)").isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(NodeHostState.mountsAt(target)).hasSize(1);
        assertThat(NodeHostState.mountsAt(target).get(0).readOnly()).isFalse();

        NodeGetVolumeStatsResponse first = bed.ok(() -> bed.csi().node().nodeGetVolumeStats(
                NodeRequests.stats(v, target, staging)));
        NodeGetVolumeStatsResponse second = bed.ok(() -> bed.csi().node().nodeGetVolumeStats(
                NodeRequests.stats(v, target, staging)));
        assertThat(totals(second)).isEqualTo(totals(first));

        // The volume already has the size asked for: nothing to grow, so this needs no extra capability.
        twice(() -> bed.csi().node().nodeExpandVolume(NodeRequests.expand(v, target, staging, cap, v.getCapacityBytes())));

        twice(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        assertThat(Files.exists(target)).isFalse();
        twice(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).isEqualTo(before);
    }

    private void twice(java.util.function.Supplier<?> call) {
        var first = bed.ok(call);
        var second = bed.ok(call);
        assertThat(second).as("the repeat answers the same").isEqualTo(first);
    }

    private static java.util.List<Long> totals(NodeGetVolumeStatsResponse stats) {
        return stats.getUsageList().stream().map(VolumeUsage::getTotal).toList();
    }
}
