package io.csi4j.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the image would run, without a container engine: a Java runtime linked by jlink from exactly the Dockerfile's
 * module list, an AOT cache trained by the image's training script, and the jar started with the image's entry point
 * flags. The driver then reads a YAML configuration, serves CSI calls and metrics, and stops cleanly: a module the
 * list lacks would show up here as a class that cannot be found.
 */
class RuntimeImageTest {

    private static final Dockerfile FILE = Dockerfile.read(Repository.root().resolve("deploy/docker/Dockerfile"));

    @TempDir
    Path dir;

    @Test
    void theDriverRunsOnTheLinkedRuntimeWithItsTrainedCache() throws Exception {
        // The image's runtime is JDK 25 (AOT cache training, JEP 514); an older build JDK cannot stand in for it.
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the image's runtime needs JDK 25 to reproduce");
        Path jar = Path.of(System.getProperty("csi4j.jar"));
        Path runtime = link();
        Path java = runtime.resolve("bin/java");
        Path cache = dir.resolve("csi4j.aot");
        List<String> flags = entrypointFlags();
        List<String> training = new ArrayList<>(List.of(Repository.root().resolve("deploy/docker/train-aot-cache.sh")
                .toString(), java.toString(), jar.toString(), cache.toString()));
        training.addAll(flags.stream().filter(f -> !f.startsWith("-XX:AOTCache=")).toList());
        run(training);
        assertThat(cache).as("the training script writes the cache").isNotEmptyFile();

        int port = freePort();
        Path socket = dir.resolve("csi.sock");
        Files.writeString(dir.resolve("csi4j.yaml"), """
                endpoint: unix://%s
                mode: controller
                logFormat: json
                metricsAddress: "127.0.0.1:%d"
                kubeletDir: %s
                backends:
                  local:
                    type: local
                    root: %s
                """.formatted(socket, port, dir.resolve("kubelet"), dir.resolve("root")));
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(flags.stream().map(f -> f.startsWith("-XX:AOTCache=") ? "-XX:AOTCache=" + cache : f).toList());
        command.addAll(List.of("-Xlog:aot=warning", "-jar", jar.toString(), "--config", dir.resolve("csi4j.yaml").toString()));
        Path log = dir.resolve("driver.log");
        Process driver = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitSocket(driver, socket, log);
            callAndScrape(socket, port);
        } finally {
            driver.destroy();
            assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String output = Files.readString(log);
        assertThat(driver.exitValue()).as(output).isIn(0, 143);
        assertThat(output).as("the driver's output, where the JVM would also warn about an unusable AOT cache")
                .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "Exception", "][aot]")
                .contains("stopped endpoint=");
    }

    /** jlink with the Dockerfile's own arguments, into this test's directory. */
    private Path link() {
        String jlink = FILE.stages().stream().flatMap(s -> s.instructions().stream())
                .filter(i -> i.startsWith("RUN jlink")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(Arrays.asList(FILE.expand(jlink.substring("RUN jlink".length()).strip())
                .replace("\"", "").split(" ")));
        int output = args.indexOf("--output");
        Path runtime = dir.resolve("jre");
        args.set(output + 1, runtime.toString());
        Tool jlinkTool = new Tool(Path.of(System.getProperty("java.home"), "bin", "jlink"));
        jlinkTool.output(Duration.ofMinutes(3), args.toArray(String[]::new));
        return runtime;
    }

    /** The JVM flags of the image's entry point (between the java path and -jar). */
    private static List<String> entrypointFlags() {
        String entrypoint = FILE.stages().getLast().instructions().stream().filter(i -> i.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow();
        List<String> parts = Arrays.stream(entrypoint.replaceAll("ENTRYPOINT\\s*\\[|]", "").split(","))
                .map(s -> s.strip().replace("\"", "")).toList();
        return parts.subList(1, parts.indexOf("-jar"));
    }

    private static void callAndScrape(Path socket, int port) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        ManagedChannel channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class).eventLoopGroup(group)
                .withOption(ChannelOption.SO_KEEPALIVE, null).usePlaintext().build();
        try {
            assertThat(IdentityGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
            var controller = ControllerGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
            var capability = VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.getDefaultInstance())
                    .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                            .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER));
            String id = controller.createVolume(CreateVolumeRequest.newBuilder().setName("pvc-image")
                    .addVolumeCapabilities(capability).build()).getVolume().getVolumeId();
            controller.deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("csi4j_rpc_seconds_count{code=\"OK\",method=\"CreateVolume\"",
                "jvm_gc_live_data_size_bytes", "jvm_threads_live_threads", "process_resident_memory_bytes");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/healthz")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    private static void awaitSocket(Process driver, Path socket, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!driver.isAlive()) {
                throw new AssertionError("the driver exited with " + driver.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.exists(socket)) {
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    Thread.sleep(200);
                    return;
                } catch (IOException notYet) {
                    // the file exists before the listener accepts
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no socket within 60 s:\n" + Files.readString(log));
    }

    private static void run(List<String> command) throws Exception {
        Tool tool = new Tool(Path.of(command.getFirst()));
        tool.output(Duration.ofMinutes(3), command.subList(1, command.size()).toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
