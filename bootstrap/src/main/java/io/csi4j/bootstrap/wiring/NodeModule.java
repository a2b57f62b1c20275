package io.csi4j.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.InFlight;
import io.csi4j.ports.service.node.DescribeNodeService;
import io.csi4j.ports.service.node.ExpandNodeVolumeService;
import io.csi4j.ports.service.node.NodeHost;
import io.csi4j.ports.service.node.NodeLocks;
import io.csi4j.ports.service.node.NodeSettings;
import io.csi4j.ports.service.node.OwnedVolumes;
import io.csi4j.ports.service.node.PublishVolumeService;
import io.csi4j.ports.service.node.StageVolumeService;
import io.csi4j.ports.service.node.UnpublishVolumeService;
import io.csi4j.ports.service.node.UnstageVolumeService;
import io.csi4j.ports.service.node.VolumeStatsService;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * Builds the node use cases over the host adapter (only asked for when the mode serves the node). Staging gets the
 * backends too: a volume whose context carries no data path gets it from the backend that owns it.
 */
@Module
public interface NodeModule {

    @Provides
    @Singleton
    static NodeVolumeUseCases nodeUseCases(Optional<NodeHost> host, NodeSettings settings, Backends backends,
            InFlight inFlight) {
        NodeHost h = host.orElseThrow(() -> new IllegalStateException("node use cases need the host adapter"));
        NodeLocks locks = new NodeLocks();
        return OwnedVolumes.guard(new NodeVolumeUseCases(
                new StageVolumeService(h, settings, inFlight, locks, backends),
                new UnstageVolumeService(h, inFlight, locks),
                new PublishVolumeService(h, inFlight),
                new UnpublishVolumeService(h, inFlight),
                new VolumeStatsService(h),
                new ExpandNodeVolumeService(h, inFlight),
                new DescribeNodeService(settings)), backends);
    }
}
