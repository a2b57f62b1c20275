package io.csi4j.benchmarks;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The driver jar as a separate process on a unix socket (as kubelet and the sidecars see it), with the time from
 * exec to a socket that accepts connections, and a gRPC channel to it.
 */
final class Driver implements AutoCloseable {

    private final Process process;
    private final Path socket;
    final long readyMillis;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    private ManagedChannel channel;

    private Driver(Process process, Path socket, long readyMillis) {
        this.process = process;
        this.socket = socket;
        this.readyMillis = readyMillis;
    }

    static Driver start(Path jar, Path dir, List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        Path socket = dir.resolve("csi.sock");
        Files.deleteIfExists(socket);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", jar.toString(), "--endpoint", "unix://" + socket));
        cmd.addAll(List.of(args));
        long begin = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("driver.log").toFile()).start();
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("driver exited: " + Files.readString(dir.resolve("driver.log")));
            }
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                break;
            } catch (IOException notYet) {
                Thread.sleep(1);
            }
        }
        return new Driver(p, socket, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    long pid() {
        return process.pid();
    }

    ManagedChannel channel() {
        if (channel == null) {
            channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                    .channelType(EpollDomainSocketChannel.class).eventLoopGroup(group)
                    .withOption(ChannelOption.SO_KEEPALIVE, null).usePlaintext().build();
        }
        return channel;
    }

    @Override
    public void close() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
