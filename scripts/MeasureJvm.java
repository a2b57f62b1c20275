import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the csi4j driver's JVM under one set of flags, the way docs/jvm-flags.md reports it: time from exec to a
 * socket that accepts, resident memory when idle, and resident memory (and its peak) after N volume cycles.
 * Controller role: CreateVolume + DeleteVolume per cycle. Node role (--mode all, needs root): CreateVolume,
 * NodeStage, NodePublish (bind mounts), NodeUnpublish, NodeUnstage, DeleteVolume per cycle.
 *
 * <pre>
 * java -cp bootstrap/target/csi4j.jar scripts/MeasureJvm.java JAVA ROLE CYCLES RUNS [JVM flags...]
 * </pre>
 * {@code -Dmeasure.driverArgs="--metrics-address 127.0.0.1:0"} adds arguments for the driver.
 * Prints one line per run: startup_ms idle_rss_kib after_rss_kib peak_rss_kib startup_cpu_ms after_anon_kib. The CPU
 * time to a ready socket hardly depends on what else the machine runs; the wall time does. The anonymous part of the
 * resident memory (heap, metaspace, stacks, malloc) is what only this process can use; the rest maps files (libjvm,
 * the AOT cache) that the kernel can share and drop.
 */
public class MeasureJvm {

    public static void main(String[] args) throws Exception {
        String java = args[0];
        String role = args[1];
        int cycles = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        List<String> flags = List.of(args).subList(4, args.length);
        for (int run = 0; run < runs; run++) {
            System.out.println(measure(java, role, cycles, flags));
        }
    }

    static String measure(String java, String role, int cycles, List<String> flags) throws Exception {
        Path dir = Files.createTempDirectory("csi4j-measure");
        Path socket = dir.resolve("csi.sock");
        Path config = dir.resolve("csi4j.yaml");
        Files.writeString(config, "kubeletDir: " + dir.resolve("kubelet") + "\nbackends:\n  local:\n    type: local\n"
                + "    root: " + dir.resolve("root") + "\n");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", System.getProperty("csi4j.jar", "bootstrap/target/csi4j.jar"),
                "--endpoint", "unix://" + socket, "--config", config.toString(), "--node-id", "measure",
                "--mode", role.equals("node") ? "all" : "controller"));
        String extra = System.getProperty("measure.driverArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("driver.log").toFile()).start();
        try {
            while (!accepts(socket)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("driver exited: " + Files.readString(dir.resolve("driver.log")));
                }
                Thread.sleep(5);
            }
            long startupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long startupCpuMs = cpuMillis(p.pid());
            var group = new MultiThreadIoEventLoopGroup(1, r -> {
                Thread t = new Thread(r, "measure-client");
                t.setDaemon(true);
                return t;
            }, EpollIoHandler.newFactory());
            ManagedChannel channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                    .channelType(EpollDomainSocketChannel.class).eventLoopGroup(group)
                    .withOption(ChannelOption.SO_KEEPALIVE, null).usePlaintext().build();
            IdentityGrpc.newBlockingStub(channel).probe(ProbeRequest.getDefaultInstance());
            Thread.sleep(2000);
            long idle = rss(p.pid(), "VmRSS");
            for (int i = 0; i < cycles; i++) {
                cycle(channel, role, dir, i);
            }
            Thread.sleep(1000);
            long after = rss(p.pid(), "VmRSS");
            long peak = rss(p.pid(), "VmHWM");
            long anon = rss(p.pid(), "RssAnon");
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            return startupMs + " " + idle + " " + after + " " + peak + " " + startupCpuMs + " " + anon;
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            removeUnlessMounted(dir);
        }
    }

    /** Deletes the scratch directory, unless something is still mounted under it (then it is left to look at). */
    static void removeUnlessMounted(Path dir) throws IOException {
        if (Files.readString(Path.of("/proc/self/mountinfo")).contains(dir.toString())) {
            System.err.println("left " + dir + ": something is still mounted under it");
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static void cycle(ManagedChannel channel, String role, Path dir, int i) throws IOException {
        var capability = VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)).build();
        var controller = ControllerGrpc.newBlockingStub(channel);
        var volume = controller.createVolume(CreateVolumeRequest.newBuilder().setName("pvc-" + i)
                .addVolumeCapabilities(capability).build()).getVolume();
        if (role.equals("node")) {
            var node = NodeGrpc.newBlockingStub(channel);
            // kubelet makes the staging directory and the target's parent; the plugin makes the target.
            String staging = Files.createDirectories(dir.resolve("kubelet/plugins/stage-" + i)).toString();
            String target = Files.createDirectories(dir.resolve("kubelet/pods/pod-" + i)).resolve("mount").toString();
            node.nodeStageVolume(NodeStageVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                    .setStagingTargetPath(staging).setVolumeCapability(capability)
                    .putAllVolumeContext(volume.getVolumeContextMap()).build());
            node.nodePublishVolume(NodePublishVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                    .setStagingTargetPath(staging).setTargetPath(target).setVolumeCapability(capability)
                    .putAllVolumeContext(volume.getVolumeContextMap()).build());
            node.nodeUnpublishVolume(NodeUnpublishVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                    .setTargetPath(target).build());
            node.nodeUnstageVolume(NodeUnstageVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                    .setStagingTargetPath(staging).build());
        }
        controller.deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId()).build());
    }

    static boolean accepts(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** User plus system CPU time the process has used, from /proc (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static long rss(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
