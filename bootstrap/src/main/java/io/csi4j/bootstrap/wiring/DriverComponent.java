package io.csi4j.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.InFlight;
import io.csi4j.ports.service.node.NodeHost;
import io.csi4j.ports.service.node.NodeSettings;
import io.grpc.BindableService;
import java.util.List;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * The driver's object graph: from validated settings, the built backends and (on nodes) the host adapter, to the
 * gRPC services this process serves in its mode.
 */
@Singleton
@Component(modules = {UseCasesModule.class, NodeModule.class, GrpcModule.class})
public interface DriverComponent {

    /** The services to register on the endpoint, chosen by the mode. */
    List<BindableService> services();

    /** The in-flight guard the use cases share, read by the metrics as a gauge. */
    InFlight inFlight();

    /** Builds the graph. */
    @Component.Factory
    interface Factory {
        DriverComponent create(@BindsInstance Settings settings, @BindsInstance Backends backends,
                @BindsInstance NodeSettings nodeSettings, @BindsInstance Optional<NodeHost> host);
    }
}
