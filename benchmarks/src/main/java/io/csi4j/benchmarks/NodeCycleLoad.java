package io.csi4j.benchmarks;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stage+publish+unpublish+unstage cycles over the node plugin's real unix socket, as kubelet drives them, with
 * concurrent workers each cycling its own volume (directory or image kind): cycles/s, p50/p99, and the plugin's RSS
 * after the run. Needs root (real mounts and loop devices).
 *
 * <pre>java -cp ... io.csi4j.benchmarks.NodeCycleLoad --jar bootstrap/target/csi4j.jar --dir /var/tmp/b
 *     --kind image --workers 16 --cycles 1000</pre>
 */
public final class NodeCycleLoad {

    private NodeCycleLoad() {}

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(a.get("dir", "/var/tmp/csi4j-bench"))), "node");
        String kind = a.get("kind", "directory");
        int workers = a.integer("workers", 16);
        int cycles = a.integer("cycles", 1000);
        int seconds = a.integer("seconds", 600);
        List<String> jvm = Arrays.asList(a.get("jvm", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k").split(" "));
        Path kubelet = Files.createDirectories(dir.resolve("kubelet"));
        Path config = dir.resolve("csi4j.yaml");
        Files.writeString(config, "kubeletDir: " + kubelet + "\nbackends:\n  local:\n    type: local\n    root: "
                + dir.resolve("root") + "\n");
        VolumeCapability cap = VolumeCapability.newBuilder()
                .setMount(VolumeCapability.MountVolume.newBuilder().setFsType(kind.equals("image") ? "ext4" : ""))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER))
                .build();
        try (Driver driver = Driver.start(Path.of(a.get("jar", "bootstrap/target/csi4j.jar")), dir, jvm,
                "--mode", "all", "--config", config.toString(), "--node-id", "bench")) {
            var controller = ControllerGrpc.newBlockingStub(driver.channel());
            var node = NodeGrpc.newBlockingStub(driver.channel());
            List<Volume> volumes = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                volumes.add(controller.createVolume(CreateVolumeRequest.newBuilder().setName("cycle-" + w)
                        .addVolumeCapabilities(cap).setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(64 << 20))
                        .putParameters("kind", kind).build()).getVolume());
                Files.createDirectories(kubelet.resolve("pods/w" + w + "/volumes"));
                Files.createDirectories(kubelet.resolve("plugins/w" + w + "/globalmount"));
            }
            System.out.printf("ready_ms=%d %s%n", driver.readyMillis, Process2.memory(driver.pid()));
            ControllerLoad.run(workers, 5, workers * 3L, (w, i) -> cycle(node, volumes.get(w), cap, kubelet, w));
            long begin = System.nanoTime();
            Latencies lat = ControllerLoad.run(workers, seconds, cycles,
                    (w, i) -> cycle(node, volumes.get(w), cap, kubelet, w));
            double elapsed = (System.nanoTime() - begin) / 1e9;
            System.out.printf("kind=%s workers=%d cycles=%d elapsed_s=%.1f cycles_per_s=%.1f p50_ms=%.1f p99_ms=%.1f %s%n",
                    kind, workers, lat.count(), elapsed, lat.count() / elapsed, lat.millis(0.50), lat.millis(0.99),
                    Process2.memory(driver.pid()));
        }
    }

    private static void cycle(NodeGrpc.NodeBlockingStub node, Volume v, VolumeCapability cap, Path kubelet, int w) {
        String staging = kubelet.resolve("plugins/w" + w + "/globalmount").toString();
        String target = kubelet.resolve("pods/w" + w + "/volumes/mount").toString();
        var n = node.withDeadlineAfter(120, TimeUnit.SECONDS);
        n.nodeStageVolume(NodeStageVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).setStagingTargetPath(staging)
                .setVolumeCapability(cap).putAllVolumeContext(v.getVolumeContextMap()).build());
        n.nodePublishVolume(NodePublishVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .setStagingTargetPath(staging).setTargetPath(target).setVolumeCapability(cap)
                .putAllVolumeContext(v.getVolumeContextMap()).build());
        n.nodeUnpublishVolume(NodeUnpublishVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).setTargetPath(target)
                .build());
        n.nodeUnstageVolume(NodeUnstageVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .setStagingTargetPath(staging).build());
    }
}
