package io.csi4j.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.csi4j.bootstrap.Version;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.ports.in.ControllerUseCases;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.in.ProbeUseCase;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.ControllerPublishService;
import io.csi4j.ports.service.ControllerUnpublishService;
import io.csi4j.ports.service.CreateSnapshotService;
import io.csi4j.ports.service.CreateVolumeService;
import io.csi4j.ports.service.DeleteSnapshotService;
import io.csi4j.ports.service.DeleteVolumeService;
import io.csi4j.ports.service.DescribePluginService;
import io.csi4j.ports.service.ExpandVolumeService;
import io.csi4j.ports.service.GetCapacityService;
import io.csi4j.ports.service.GetSnapshotService;
import io.csi4j.ports.service.GetVolumeService;
import io.csi4j.ports.service.InFlight;
import io.csi4j.ports.service.ListSnapshotsService;
import io.csi4j.ports.service.ListVolumesService;
import io.csi4j.ports.service.ProbeService;
import io.csi4j.ports.service.ValidateVolumeCapabilitiesService;
import javax.inject.Singleton;

/** Builds the use cases from the configured backends. */
@Module
public interface UseCasesModule {

    @Provides
    @Singleton
    static InFlight inFlight() {
        return new InFlight();
    }

    @Provides
    @Singleton
    static DescribePluginUseCase describePlugin(Settings settings, Backends backends) {
        return new DescribePluginService(new PluginIdentity(settings.driverName(), Version.current()), backends);
    }

    @Provides
    @Singleton
    static ProbeUseCase probe(Backends backends) {
        return new ProbeService(backends);
    }

    @Provides
    @Singleton
    static ControllerUseCases controllerUseCases(Backends backends, InFlight inFlight) {
        return new ControllerUseCases(
                new CreateVolumeService(backends, inFlight),
                new DeleteVolumeService(backends, inFlight),
                new ValidateVolumeCapabilitiesService(backends),
                new ListVolumesService(backends),
                new GetVolumeService(backends),
                new GetCapacityService(backends),
                new ExpandVolumeService(backends, inFlight),
                new CreateSnapshotService(backends, inFlight),
                new DeleteSnapshotService(backends, inFlight),
                new ListSnapshotsService(backends),
                new GetSnapshotService(backends),
                new ControllerPublishService(backends, inFlight),
                new ControllerUnpublishService(backends, inFlight));
    }
}
