package io.csi4j.bootstrap.wiring;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.csi4j.adapters.grpc.controller.ControllerService;
import io.csi4j.adapters.grpc.identity.IdentityService;
import io.csi4j.adapters.grpc.node.NodeService;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.ports.in.ControllerUseCases;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.in.ProbeUseCase;
import io.grpc.BindableService;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the services by mode: Identity always, Controller for {@code controller}/{@code all}, Node for
 * {@code node}/{@code all}; an RPC of a service not served answers UNIMPLEMENTED (CSI §1.1).
 */
@Module
public interface GrpcModule {

    @Provides
    static List<BindableService> services(Settings settings, DescribePluginUseCase describe, ProbeUseCase probe,
            Lazy<ControllerUseCases> controller, Lazy<NodeVolumeUseCases> node) {
        List<BindableService> services = new ArrayList<>();
        services.add(new IdentityService(describe, probe));
        if (settings.mode().servesController()) {
            services.add(new ControllerService(controller.get(), describe));
        }
        if (settings.mode().servesNode()) {
            services.add(new NodeService(node.get(), describe));
        }
        return services;
    }
}
