package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CSI §1.3 on real mounts: calls for one volume that overlap (a CO that lost its state sends duplicates) are
 * answered ABORTED while the first works, and never mount anything twice; calls for different volumes run side by
 * side.
 */
class NodeConcurrencyIT extends NodeDriverBase {

    private static final int CALLS = 8;

    @ParameterizedTest
    @EnumSource(NodeVolumeKind.class)
    void overlappingCallsForOneVolumeAreAbortedAndMountOnce(NodeVolumeKind kind) throws Exception {
        var before = bed.state();
        String pv = "pv-race-" + kind.name().toLowerCase();
        VolumeCapability cap = kind.capability();
        Volume v = bed.createVolume(pv, kind.parameters(), cap, kind.bytes());
        Path staging = kind.staging(bed, pv);
        Path target = kind.target(bed, pv, "pod-1");

        List<Status.Code> staged = burst(node -> node.nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        assertOneWorkedOthersAborted(staged);
        assertThat(staged).as("the calls overlapped: the later ones found the first at work").contains(Status.Code.ABORTED);
        assertThat(NodeHostState.mountsUnder(staging)).hasSize(1);
        assertThat(NodeHostState.loopsUnder(bed.localRoot())).hasSize(kind.image() ? 1 : 0);
        // The CO retries what was ABORTED: it finds the work done.
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));

        assertOneWorkedOthersAborted(burst(node -> node.nodePublishVolume(
                NodeRequests.publish(v, staging, target, cap, false))));
        assertThat(NodeHostState.mountsAt(target)).hasSize(1);
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));

        assertOneWorkedOthersAborted(burst(node -> node.nodeUnpublishVolume(NodeRequests.unpublish(v, target))));
        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
        assertOneWorkedOthersAborted(burst(node -> node.nodeUnstageVolume(NodeRequests.unstage(v, staging))));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).isEqualTo(before);
    }

    @Test
    void differentVolumesAreStagedSideBySide() throws Exception {
        var before = bed.state();
        List<Volume> volumes = new ArrayList<>();
        List<Path> stagings = new ArrayList<>();
        VolumeCapability cap = NodeVolumeKind.EXT4.capability();
        for (int i = 0; i < 4; i++) {
            volumes.add(bed.createVolume("pv-side-" + i, NodeVolumeKind.EXT4.parameters(), cap,
                    NodeVolumeKind.EXT4.bytes()));
            stagings.add(bed.stagingDir("pv-side-" + i));
        }
        List<ListenableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            calls.add(bed.csi().nodeAsync().withDeadlineAfter(60, TimeUnit.SECONDS)
                    .nodeStageVolume(NodeRequests.stage(volumes.get(i), stagings.get(i), cap)));
        }
        assertThat(outcomes(calls)).containsOnly(Status.Code.OK);
        assertThat(NodeHostState.loopsUnder(bed.localRoot())).hasSize(4);
        for (int i = 0; i < volumes.size(); i++) {
            assertThat(NodeHostState.mountsAt(stagings.get(i))).hasSize(1);
            Volume v = volumes.get(i);
            Path staging = stagings.get(i);
            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        }
        assertThat(bed.state()).isEqualTo(before);
    }

    /** Sends the same call {@link #CALLS} times at once and collects how each ended. */
    private List<Status.Code> burst(Function<NodeGrpc.NodeFutureStub, ListenableFuture<?>> call) {
        NodeGrpc.NodeFutureStub node = bed.csi().nodeAsync().withDeadlineAfter(60, TimeUnit.SECONDS);
        List<ListenableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(call.apply(node));
        }
        return outcomes(calls);
    }

    private static List<Status.Code> outcomes(List<ListenableFuture<?>> calls) {
        List<Status.Code> codes = new ArrayList<>();
        for (ListenableFuture<?> f : calls) {
            try {
                f.get(90, TimeUnit.SECONDS);
                codes.add(Status.Code.OK);
            } catch (ExecutionException e) {
                codes.add(Status.fromThrowable(e.getCause()).getCode());
            } catch (Exception e) {
                throw new AssertionError("a call did not end: " + e, e);
            }
        }
        return codes;
    }

    /** At least one call did the work; every other one either found it done or was told the volume is busy. */
    private static void assertOneWorkedOthersAborted(List<Status.Code> codes) {
        assertThat(codes).as(codes.toString()).contains(Status.Code.OK);
        assertThat(codes).as(codes.toString()).containsOnly(Status.Code.OK, Status.Code.ABORTED);
    }
}
