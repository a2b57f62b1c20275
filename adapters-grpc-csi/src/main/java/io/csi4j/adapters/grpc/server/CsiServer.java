package io.csi4j.adapters.grpc.server;

import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RpcRecorder;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server on the CSI endpoint. It serves exactly the services it is given (bootstrap picks them per
 * mode: Identity+Controller, Identity+Node, or all three); RPCs of any other CSI service answer UNIMPLEMENTED.
 * Every service is wrapped by {@link ServiceChain}. Its threads are daemon threads: the process stays up only
 * while someone waits in {@link #awaitTermination()}.
 */
public final class CsiServer {

    private static final Logger LOG = LoggerFactory.getLogger(CsiServer.class);
    static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(5);

    private final Endpoint endpoint;
    private final Server server;
    private final ServerTransport transport;
    private final ExecutorService handlers;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private CsiServer(Endpoint endpoint, Server server, ServerTransport transport, ExecutorService handlers) {
        this.endpoint = endpoint;
        this.server = server;
        this.transport = transport;
        this.handlers = handlers;
    }

    /** Starts with {@value HandlerExecutor#DEFAULT_THREADS} handler threads and no metrics. */
    public static Either<Failure, CsiServer> start(Endpoint endpoint, List<BindableService> services) {
        return start(endpoint, services, HandlerExecutor.DEFAULT_THREADS);
    }

    /** Starts with {@value HandlerExecutor#DEFAULT_THREADS} handler threads, recording every call. */
    public static Either<Failure, CsiServer> start(Endpoint endpoint, List<BindableService> services,
            RpcRecorder metrics) {
        return start(endpoint, services, HandlerExecutor.DEFAULT_THREADS, metrics);
    }

    /** Starts without metrics. */
    public static Either<Failure, CsiServer> start(Endpoint endpoint, List<BindableService> services,
            int handlerThreads) {
        return start(endpoint, services, handlerThreads, Recorders.none().rpc());
    }

    /**
     * Binds the endpoint and starts serving. A unix socket's parent directory is created and a stale file at the
     * socket path (a socket left by a crash, or any non-directory) is removed first; nothing else is created there.
     */
    public static Either<Failure, CsiServer> start(Endpoint endpoint, List<BindableService> services,
            int handlerThreads, RpcRecorder metrics) {
        long begin = System.nanoTime();
        if (!Epoll.isAvailable()) {
            return Either.left(Failure.precondition("cannot serve " + endpoint.uri() + ": the epoll transport is "
                    + "unavailable (" + Epoll.unavailabilityCause() + ")"));
        }
        Either<Failure, ServerTransport> transport = ServerTransport.prepare(endpoint);
        if (transport.isLeft()) {
            return Either.left(transport.getLeft());
        }
        ExecutorService handlers = HandlerExecutor.create(handlerThreads);
        Server server = build(endpoint, services, transport.get(), handlers, metrics);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            handlers.shutdownNow();
            transport.get().close();
            return Either.left(Failure.precondition("cannot serve " + endpoint.uri() + ": " + e.getMessage()));
        }
        long startupMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        LOG.info("serving endpoint={} services={} handler_threads={} stale_socket_removed={} startup_ms={}",
                bound(endpoint, server).uri(), services.stream()
                        .map(s -> s.bindService().getServiceDescriptor().getName()).toList(),
                handlerThreads, transport.get().staleRemoved(), startupMs);
        return Either.right(new CsiServer(endpoint, server, transport.get(), handlers));
    }

    private static Server build(Endpoint endpoint, List<BindableService> services, ServerTransport transport,
            ExecutorService handlers, RpcRecorder metrics) {
        NettyServerBuilder builder = switch (endpoint) {
            case Endpoint.Unix u -> NettyServerBuilder.forAddress(new DomainSocketAddress(u.socket().toString()))
                    .channelType(EpollServerDomainSocketChannel.class)
                    // TCP keep-alive means nothing on a unix socket; Netty would warn once per connection.
                    .withChildOption(ChannelOption.SO_KEEPALIVE, null);
            case Endpoint.Tcp t -> NettyServerBuilder.forAddress(new InetSocketAddress(t.host(), t.port()))
                    .channelType(EpollServerSocketChannel.class);
        };
        builder.bossEventLoopGroup(transport.boss()).workerEventLoopGroup(transport.worker()).executor(handlers);
        services.forEach(s -> builder.addService(ServiceChain.wrap(s, metrics)));
        return builder.build();
    }

    /** The endpoint served; for TCP with port 0, the port actually bound. */
    public Endpoint endpoint() {
        return bound(endpoint, server);
    }

    private static Endpoint bound(Endpoint endpoint, Server server) {
        return endpoint instanceof Endpoint.Tcp t ? new Endpoint.Tcp(t.host(), server.getPort()) : endpoint;
    }

    /**
     * Stops: refuses new calls at once, lets in-flight calls finish for up to {@code grace}, then cancels what
     * is left, releases all threads and removes the socket file.
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        long begin = System.nanoTime();
        server.shutdown();
        boolean drained = await(grace);
        if (!drained) {
            server.shutdownNow();
            await(FORCED_STOP_WAIT);
        }
        handlers.shutdownNow();
        transport.close().peekLeft(f -> LOG.warn("endpoint={} {}", endpoint.uri(), f.message()));
        LOG.info("stopped endpoint={} drained={} stop_ms={}", endpoint.uri(), drained,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        stopped.countDown();
    }

    /** Blocks until {@link #stop} has finished, threads released and socket removed (for the main thread). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** True once {@link #stop} has finished. */
    public boolean isTerminated() {
        return stopped.getCount() == 0;
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean await(Duration timeout) {
        try {
            return server.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return server.isTerminated();
        }
    }
}
