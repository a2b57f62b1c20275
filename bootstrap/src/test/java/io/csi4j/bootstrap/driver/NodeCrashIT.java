package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The plugin killed with SIGKILL in the middle of node calls, restarted, and the call retried as kubelet retries it
 * (CSI §1.8: a retry continues where the killed attempt stopped, the inverse call undoes half-done work). Each call
 * is killed at several points — after fixed delays, and when the host shows a given step done (the stage record
 * written, the image attached, the filesystem mounted, the staging mount gone) — with every tool it started (a
 * container kill: the host stays as the kill found it) or alone (a mount or mkfs under way finishes as an orphan).
 * The retry must end OK with exactly one mount and one loop device, and the inverse call must leave the mount table
 * and the loop devices as they were.
 */
class NodeCrashIT extends NodeDriverBase {

    private static final long POLL_NANOS = 100_000;
    private static final long WAIT_MILLIS = 20_000;

    private int volumes;

    /**
     * A moment to kill the driver at, during one call on one volume, and how: with the tools it runs (the host
     * state stays as the kill found it), or alone (a mount or mkfs under way finishes as an orphan).
     */
    private record KillPoint(String name, boolean withChildren, Function<Volume, BooleanSupplier> reached) {

        KillPoint alone() {
            return new KillPoint(name + " (driver alone)", false, reached);
        }
    }

    @ParameterizedTest
    @EnumSource(value = NodeVolumeKind.class, names = {"XFS", "BLOCK"})
    void aStageKilledAtAnyPointIsFinishedByTheRetry(NodeVolumeKind kind) throws Exception {
        Set<String> seen = new TreeSet<>();
        List<KillPoint> points = new ArrayList<>(delays(0, 10));
        points.add(new KillPoint("stage record written", true, v -> () -> hasEntries(staging(kind, v))));
        KillPoint attached = new KillPoint("image attached", true, v -> () -> !loopsOf(v).isEmpty());
        points.add(attached);
        points.add(attached.alone());
        points.add(new KillPoint("staging mount made", true,
                v -> () -> !NodeHostState.mountsUnder(staging(kind, v)).isEmpty()));
        for (int i = 0; i < points.size(); i++) {
            var before = bed.state();
            KillPoint point = points.get(i);
            VolumeCapability cap = kind.capability();
            Volume v = newVolume(kind, cap);
            Path staging = kind.staging(bed, pv(v));

            killDuring(point, v, node -> node.nodeStageVolume(NodeRequests.stage(v, staging, cap)));
            seen.add(phase(kind, v));
            bed.relaunch();

            bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
            var mounts = NodeHostState.mountsUnder(staging);
            assertThat(mounts).as(point.name() + ": one mount").hasSize(1);
            assertThat(loopsOf(v)).as(point.name() + ": one loop device").hasSize(1);
            if (!kind.block()) {
                assertThat(mounts.get(0).source()).isEqualTo(loopsOf(v).get(0).device().toString());
                assertThat(mounts.get(0).fsType()).isEqualTo(kind.fsType());
                Files.writeString(staging.resolve("usable"), "after the crash");
            }
            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
            assertThat(bed.state()).as(point.name() + ": nothing left after unstage").isEqualTo(before);
            assertThat(staging).isEmptyDirectory();
        }
        // The loop above must really have caught a stage half-done, or it proved little.
        assertThat(seen).as("states the kills left").contains("attached, not staged");
    }

    @Test
    void aPublishKilledAtAnyPointIsFinishedByTheRetry() throws Exception {
        NodeVolumeKind kind = NodeVolumeKind.EXT4;
        VolumeCapability cap = kind.capability();
        List<KillPoint> points = new ArrayList<>(delays(0));
        points.add(new KillPoint("target created", true, v -> () -> Files.exists(target(kind, v))));
        points.add(new KillPoint("target mounted", true, v -> () -> !NodeHostState.mountsAt(target(kind, v)).isEmpty()));
        for (int i = 0; i < points.size(); i++) {
            var before = bed.state();
            Volume v = newVolume(kind, cap);
            Path staging = kind.staging(bed, pv(v));
            Path target = target(kind, v);
            bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
            Files.writeString(staging.resolve("data"), "staged before the crash");

            killDuring(points.get(i), v,
                    node -> node.nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
            bed.relaunch();

            bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));
            assertThat(NodeHostState.mountsAt(target)).as(points.get(i).name()).hasSize(1);
            assertThat(Files.readString(target.resolve("data"))).isEqualTo("staged before the crash");
            bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
            assertThat(bed.state()).isEqualTo(before);
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aDriverKilledBetweenPublishAndUnpublishIsUndoneAfterTheRestart() throws Exception {
        var before = bed.state();
        NodeVolumeKind kind = NodeVolumeKind.XFS;
        VolumeCapability cap = kind.capability();
        Volume v = newVolume(kind, cap);
        Path staging = kind.staging(bed, pv(v));
        Path t1 = kind.target(bed, pv(v), "pod-1");
        Path t2 = kind.target(bed, pv(v), "pod-2");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t1, cap, false)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t2, cap, true)));

        bed.killWithChildren();
        bed.relaunch();

        // kubelet's reconstruction after a restart: the same calls again, answered from the mount table.
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t1, cap, false)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, t2, cap, true)));
        assertThat(NodeHostState.mountsUnder(bed.kubelet())).hasSize(3);
        assertThat(loopsOf(v)).hasSize(1);
        for (Path t : List.of(t1, t2)) {
            bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, t)));
        }
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = NodeVolumeKind.class, names = {"XFS", "BLOCK"})
    void anUnstageKilledAtAnyPointIsFinishedByTheRetry(NodeVolumeKind kind) throws Exception {
        VolumeCapability cap = kind.capability();
        List<KillPoint> points = new ArrayList<>(delays(0));
        points.add(new KillPoint("staging mount gone", true,
                v -> () -> NodeHostState.mountsUnder(staging(kind, v)).isEmpty()));
        for (int i = 0; i < points.size(); i++) {
            var before = bed.state();
            Volume v = newVolume(kind, cap);
            Path staging = kind.staging(bed, pv(v));
            bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));

            killDuring(points.get(i), v, node -> node.nodeUnstageVolume(NodeRequests.unstage(v, staging)));
            bed.relaunch();

            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
            assertThat(bed.state()).as(points.get(i).name()).isEqualTo(before);
            assertThat(staging).isEmptyDirectory();
        }
    }

    /**
     * The state a kill right after unstage's unmount leaves (the window is a few milliseconds, so it is also made
     * by hand): the loop device is attached and only the stage record knows it. The retried unstage detaches it.
     */
    @ParameterizedTest
    @EnumSource(value = NodeVolumeKind.class, names = {"XFS", "BLOCK"})
    void anUnstageThatFindsOnlyTheLoopDeviceLeftDetachesIt(NodeVolumeKind kind) throws Exception {
        var before = bed.state();
        VolumeCapability cap = kind.capability();
        Volume v = newVolume(kind, cap);
        Path staging = kind.staging(bed, pv(v));
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
        bed.killWithChildren();
        for (var m : NodeHostState.mountsUnder(staging)) {
            NodeCommands.ok("umount", m.target().toString());
        }
        assertThat(loopsOf(v)).hasSize(1);
        bed.relaunch();

        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
        assertThat(bed.state()).isEqualTo(before);
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void anUnpublishKilledAtAnyPointIsFinishedByTheRetry() throws Exception {
        NodeVolumeKind kind = NodeVolumeKind.BLOCK;
        VolumeCapability cap = kind.capability();
        List<KillPoint> points = new ArrayList<>(delays(0));
        points.add(new KillPoint("target unmounted", true, v -> () -> NodeHostState.mountsAt(target(kind, v)).isEmpty()));
        for (int i = 0; i < points.size(); i++) {
            var before = bed.state();
            Volume v = newVolume(kind, cap);
            Path staging = kind.staging(bed, pv(v));
            Path target = target(kind, v);
            bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(v, staging, cap)));
            bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(v, staging, target, cap, false)));

            killDuring(points.get(i), v, node -> node.nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
            bed.relaunch();

            bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(v, target)));
            assertThat(target).as(points.get(i).name()).doesNotExist();
            bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(v, staging)));
            assertThat(bed.state()).isEqualTo(before);
        }
    }

    /** Sends the call, waits until the point is reached (or the call ended), then kills the driver. */
    private void killDuring(KillPoint point, Volume v, Function<NodeGrpc.NodeFutureStub, ListenableFuture<?>> call)
            throws Exception {
        BooleanSupplier reached = point.reached().apply(v);
        ListenableFuture<?> pending = call.apply(bed.csi().nodeAsync().withDeadlineAfter(30, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!reached.getAsBoolean() && !pending.isDone() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        if (point.withChildren()) {
            bed.killWithChildren();
        } else {
            bed.kill();
        }
    }

    /** Kills at fixed delays after the call is sent, alternately with and without the driver's tools. */
    private static List<KillPoint> delays(long... millis) {
        List<KillPoint> points = new ArrayList<>();
        for (long ms : millis) {
            points.add(new KillPoint(ms + " ms after the call", points.size() % 2 == 1, v -> {
                long[] since = {0};
                return () -> {
                    if (since[0] == 0) {
                        since[0] = System.nanoTime();
                    }
                    return System.nanoTime() - since[0] >= TimeUnit.MILLISECONDS.toNanos(ms);
                };
            }));
        }
        return points;
    }

    /** What a kill during staging left: nothing, only the record, the image attached, or the volume staged. */
    private String phase(NodeVolumeKind kind, Volume v) {
        boolean mounted = !NodeHostState.mountsUnder(staging(kind, v)).isEmpty();
        boolean attached = !loopsOf(v).isEmpty();
        if (mounted) {
            return "staged";
        }
        if (attached) {
            return "attached, not staged";
        }
        return hasEntries(staging(kind, v)) ? "record only" : "nothing";
    }

    private Volume newVolume(NodeVolumeKind kind, VolumeCapability cap) {
        return bed.createVolume("pv-crash-" + volumes++, kind.parameters(), cap, kind.bytes());
    }

    /** The PersistentVolume name kubelet would use in the volume's paths. */
    private static String pv(Volume v) {
        return "pv-" + Integer.toHexString(v.getVolumeId().hashCode());
    }

    private Path staging(NodeVolumeKind kind, Volume v) {
        try {
            return kind.staging(bed, pv(v));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path target(NodeVolumeKind kind, Volume v) {
        try {
            return kind.target(bed, pv(v), "pod-1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<NodeHostState.Loop> loopsOf(Volume v) {
        Path image = Path.of(v.getVolumeContextMap().get("csi4j.io/path"));
        return NodeHostState.loops().stream().filter(l -> l.backingFile().equals(image)).toList();
    }

    private static boolean hasEntries(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
