package io.csi4j.adapters.grpc.fakes;

import io.csi4j.adapters.grpc.controller.ControllerService;
import io.csi4j.adapters.grpc.identity.IdentityService;
import io.csi4j.adapters.grpc.server.ServiceChain;
import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.domain.health.Health;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RpcRecorder;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Identity and Controller services, wrapped in the production interceptor chain, served in-process over
 * fake use cases. Like a controller-mode deployment, it registers no Node service.
 */
public final class InProcessCsi implements AutoCloseable {

    public final FakeController controller = new FakeController();
    public final FakeDescribe describe = new FakeDescribe();
    public final AtomicReference<Health> health = new AtomicReference<>(Health.ready());

    private final Server server;
    private final ManagedChannel channel;

    public InProcessCsi() {
        this(Recorders.none().rpc());
    }

    /** With every call recorded into {@code metrics}. */
    public InProcessCsi(RpcRecorder metrics) {
        String name = InProcessServerBuilder.generateName();
        try {
            server = InProcessServerBuilder.forName(name)
                    .addService(ServiceChain.wrap(new IdentityService(describe, health::get), metrics))
                    .addService(ServiceChain.wrap(new ControllerService(controller.useCases(), describe), metrics))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    public ControllerGrpc.ControllerBlockingStub controllerStub() {
        return ControllerGrpc.newBlockingStub(channel);
    }

    public IdentityGrpc.IdentityBlockingStub identityStub() {
        return IdentityGrpc.newBlockingStub(channel);
    }

    public NodeGrpc.NodeBlockingStub nodeStub() {
        return NodeGrpc.newBlockingStub(channel);
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
