package io.csi4j.bootstrap.metrics;

import io.csi4j.adapters.grpc.server.Endpoint;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ProbeResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Calls CSI Probe on the plugin's own endpoint, as livenessprobe does: the answer proves that the socket accepts,
 * the gRPC server and its handler threads answer, and every backend is ready. The channel is opened on first use.
 */
final class CsiProbe implements AutoCloseable {

    static final long DEADLINE_SECONDS = 5;

    /** The outcome of one check: healthy or not, and why, in a line. */
    record Result(boolean healthy, String detail) {}

    private final Endpoint endpoint;
    private EventLoopGroup group;
    private ManagedChannel channel;

    CsiProbe(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    synchronized Result check() {
        try {
            ProbeResponse r = IdentityGrpc.newBlockingStub(channel())
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).probe(ProbeRequest.getDefaultInstance());
            // CSI §2.3: an unset ready means ready.
            return !r.hasReady() || r.getReady().getValue() ? new Result(true, "ok")
                    : new Result(false, "not ready: a backend is still starting");
        } catch (StatusRuntimeException e) {
            return new Result(false, "Probe failed: " + e.getStatus().getCode() + " "
                    + (e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription()));
        }
    }

    private ManagedChannel channel() {
        if (channel == null) {
            group = new MultiThreadIoEventLoopGroup(1, daemon(), EpollIoHandler.newFactory());
            NettyChannelBuilder builder = switch (endpoint) {
                case Endpoint.Unix u -> NettyChannelBuilder.forAddress(new DomainSocketAddress(u.socket().toString()))
                        .channelType(EpollDomainSocketChannel.class).withOption(ChannelOption.SO_KEEPALIVE, null);
                case Endpoint.Tcp t -> NettyChannelBuilder.forAddress(new InetSocketAddress(t.host(), t.port()))
                        .channelType(EpollSocketChannel.class);
            };
            channel = builder.eventLoopGroup(group).usePlaintext().build();
        }
        return channel;
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "csi4j-healthz-grpc");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.shutdownNow();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
