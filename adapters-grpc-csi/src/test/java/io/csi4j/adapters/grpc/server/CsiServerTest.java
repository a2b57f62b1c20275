package io.csi4j.adapters.grpc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.csi4j.adapters.grpc.controller.ControllerService;
import io.csi4j.adapters.grpc.fakes.FakeController;
import io.csi4j.adapters.grpc.fakes.FakeDescribe;
import io.csi4j.adapters.grpc.fakes.Samples;
import io.csi4j.adapters.grpc.identity.IdentityService;
import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.CreateVolumeResponse;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.domain.health.Health;
import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsiServerTest {

    @TempDir
    Path dir;

    private final FakeController controller = new FakeController();
    private final FakeDescribe describe = new FakeDescribe();
    private final EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<CsiServer> servers = new ArrayList<>();
    // Not the common pool: on a 2-core machine it has one thread, which a blocked call would hold.
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void release() throws InterruptedException {
        for (ManagedChannel c : channels) {
            c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        for (CsiServer s : servers) {
            if (!s.isTerminated()) {
                s.stop(Duration.ZERO);
            }
        }
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    private List<BindableService> controllerMode() {
        return List.of(new IdentityService(describe, Health::ready),
                new ControllerService(controller.useCases(), describe));
    }

    private CsiServer start(Path socket) {
        CsiServer server = CsiServer.start(new Endpoint.Unix(socket), controllerMode(), 4).get();
        servers.add(server);
        return server;
    }

    private ManagedChannel connect(Path socket) {
        ManagedChannel channel = NettyChannelBuilder.forAddress(new DomainSocketAddress(socket.toString()))
                .channelType(EpollDomainSocketChannel.class)
                .eventLoopGroup(clientLoop)
                .withOption(ChannelOption.SO_KEEPALIVE, null)
                .usePlaintext()
                .build();
        channels.add(channel);
        return channel;
    }

    @Test
    void servesARoundTripOverAUnixSocket() {
        Path socket = dir.resolve("csi.sock");
        start(socket);
        ManagedChannel channel = connect(socket);

        var info = IdentityGrpc.newBlockingStub(channel).getPluginInfo(GetPluginInfoRequest.getDefaultInstance());
        CreateVolumeResponse created = ControllerGrpc.newBlockingStub(channel)
                .createVolume(Samples.createRequest().build());

        assertThat(info.getName()).isEqualTo(FakeDescribe.IDENTITY.name());
        assertThat(created.getVolume().getVolumeId()).isEqualTo("local:vol-1");
        assertThat(controller.calls()).hasSize(1);
    }

    @Test
    void aServiceThatIsNotRegisteredAnswersUnimplemented() {
        Path socket = dir.resolve("csi.sock");
        start(socket);

        var e = catchThrowableOfType(StatusRuntimeException.class, () ->
                NodeGrpc.newBlockingStub(connect(socket)).nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    void startsOverAStaleSocketFileAndCreatesNothingElseNextToIt() throws IOException {
        Path socket = dir.resolve("plugin/csi.sock");
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        start(socket);

        assertThat(pluginName(socket)).isNotEmpty();
        try (Stream<Path> entries = Files.list(socket.getParent())) {
            assertThat(entries).containsExactly(socket);
        }
    }

    @Test
    void startsOverAStaleRegularFileAndCreatesTheParentDirectory() throws IOException {
        Path socket = dir.resolve("csi.sock");
        Files.writeString(socket, "left over");
        start(socket);
        assertThat(pluginName(socket)).isNotEmpty();

        Path nested = dir.resolve("a/b/csi.sock");
        start(nested);
        assertThat(nested).exists();
    }

    @Test
    void refusesASocketPathThatIsADirectory() throws IOException {
        Path socket = Files.createDirectories(dir.resolve("csi.sock"));

        var result = CsiServer.start(new Endpoint.Unix(socket), controllerMode(), 1);

        assertThat(result.isLeft()).isTrue();
        assertThat(result.getLeft().message()).contains("directory");
    }

    @Test
    void stopDrainsAnInFlightCallRefusesNewOnesAndRemovesTheSocket() throws Exception {
        Path socket = dir.resolve("csi.sock");
        CsiServer server = start(socket);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        controller.duringCall = () -> {
            entered.countDown();
            await(release);
        };
        var stub = ControllerGrpc.newBlockingStub(connect(socket));
        CompletableFuture<CreateVolumeResponse> slow = CompletableFuture.supplyAsync(
                () -> stub.createVolume(Samples.createRequest().build()), background);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)),
                background);
        waitUntil(() -> !Files.exists(socket));
        var refused = catchThrowableOfType(StatusRuntimeException.class, () -> IdentityGrpc.newBlockingStub(
                connect(socket)).getPluginInfo(GetPluginInfoRequest.getDefaultInstance()));
        release.countDown();

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(slow.get(5, TimeUnit.SECONDS).getVolume().getVolumeId()).isEqualTo("local:vol-1");
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(server.isTerminated()).isTrue();
        assertThat(socket).doesNotExist();
    }

    @Test
    void stopCancelsACallThatOutlivesTheGrace() throws Exception {
        Path socket = dir.resolve("csi.sock");
        CsiServer server = start(socket);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        controller.duringCall = () -> {
            entered.countDown();
            await(never);
        };
        var stub = ControllerGrpc.newBlockingStub(connect(socket));
        CompletableFuture<CreateVolumeResponse> stuck = CompletableFuture.supplyAsync(
                () -> stub.createVolume(Samples.createRequest().build()), background);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        long begin = System.nanoTime();
        server.stop(Duration.ofMillis(300));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        assertThat(tookMs).isBetween(300L, 4_000L);
        assertThat(server.isTerminated()).isTrue();
        assertThat(socket).doesNotExist();
        var e = catchThrowableOfType(ExecutionException.class, () -> stuck.get(5, TimeUnit.SECONDS));
        assertThat(((StatusRuntimeException) e.getCause()).getStatus().getCode())
                .isIn(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);
    }

    @Test
    void awaitTerminationReturnsOnceStoppedAndASecondStopIsHarmless() throws Exception {
        Path socket = dir.resolve("csi.sock");
        CsiServer server = start(socket);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                server.awaitTermination();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, background);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        server.stop(Duration.ofSeconds(1));
        server.stop(Duration.ofSeconds(1));

        waiting.get(5, TimeUnit.SECONDS);
        assertThat(server.isTerminated()).isTrue();
        assertThat(socket).doesNotExist();
    }

    @Test
    void startupIsFast() {
        Path socket = dir.resolve("csi.sock");
        // Warm the classes once, so the measurement is the server's work, not class loading of the test JVM.
        start(dir.resolve("warm.sock")).stop(Duration.ZERO);

        long begin = System.nanoTime();
        start(socket);
        long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);

        assertThat(socket).exists();
        assertThat(readyMs).as("time to socket ready").isLessThan(500);
    }

    @Test
    void servesOnTcpForTools() {
        CsiServer server = CsiServer.start(new Endpoint.Tcp("127.0.0.1", 0), controllerMode(), 2).get();
        servers.add(server);
        int port = ((Endpoint.Tcp) server.endpoint()).port();
        assertThat(port).as("the port bound for port 0").isPositive();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        channels.add(channel);

        assertThat(IdentityGrpc.newBlockingStub(channel).getPluginInfo(GetPluginInfoRequest.getDefaultInstance())
                .getName()).isEqualTo(FakeDescribe.IDENTITY.name());
    }

    private String pluginName(Path socket) {
        return IdentityGrpc.newBlockingStub(connect(socket)).getPluginInfo(GetPluginInfoRequest.getDefaultInstance())
                .getName();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
