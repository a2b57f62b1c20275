package io.csi4j.testnode;

import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.IdentityGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This build's plugin jar run on the host in {@code --mode controller}, the way the controller Deployment runs it:
 * configured by environment and flags, serving CSI on a unix socket the tests call like the sidecars do. Its output
 * goes to {@code <logs>/<name>.log}.
 */
final class ControllerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final ManagedChannel channel;

    private ControllerProcess(Process process, Path socket, Path log) {
        this.process = process;
        this.log = log;
        this.channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class).eventLoopGroup(group).usePlaintext().build();
    }

    /** Starts the controller with {@code env} and {@code args}; its socket and log are in {@code dir}. */
    static ControllerProcess start(String name, Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path socket = dir.resolve(name + ".sock");
        Files.deleteIfExists(socket);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("csi4j.jar"),
                "--mode", "controller", "--endpoint", "unix://" + socket));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // Only what the test gives: the harness's own CSI/HS variables must not configure it by accident.
        builder.environment().keySet().removeIf(k -> k.startsWith("CSI") || k.startsWith("HS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the controller exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            if (Files.exists(socket)) {
                try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    probe.connect(UnixDomainSocketAddress.of(socket));
                    return new ControllerProcess(process, socket, log);
                } catch (IOException notYet) {
                    // the file exists before the server accepts
                }
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the controller's socket was not ready within 60 s:\n"
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    ControllerGrpc.ControllerBlockingStub controller() {
        return ControllerGrpc.newBlockingStub(channel).withDeadlineAfter(120, TimeUnit.SECONDS);
    }

    IdentityGrpc.IdentityBlockingStub identity() {
        return IdentityGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
