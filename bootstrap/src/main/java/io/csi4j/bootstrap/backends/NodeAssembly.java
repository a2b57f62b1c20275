package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.iscsi.IscsiConfig;
import io.csi4j.adapters.iscsi.OpenIscsiInitiator;
import io.csi4j.adapters.local.LocalBackend;
import io.csi4j.adapters.local.LocalBackendConfig;
import io.csi4j.adapters.os.HostConfig;
import io.csi4j.adapters.os.LinuxHost;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.topology.Topology;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.node.NodeHost;
import io.csi4j.ports.service.node.NodeSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what the node service needs: the Linux host adapter confined to the kubelet directory and the local
 * backends' roots, the node's iSCSI initiator (open-iscsi), and the node's settings (id, topology of the local
 * backends, their roots, the NFS version order, where backing shares are mounted).
 */
public final class NodeAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

    private NodeAssembly() {}

    /** The node's view of the configuration. */
    public static NodeSettings settings(Settings settings, Backends backends) {
        return settings(settings, backends, NodeFactsDiscovery.INITIATOR_FILE);
    }

    static NodeSettings settings(Settings settings, Backends backends, Path initiatorFile) {
        List<LocalBackendConfig> locals = locals(backends);
        Optional<Topology> topology = locals.stream().findFirst().map(LocalBackendConfig::topology);
        String fsType = locals.stream().findFirst().map(LocalBackendConfig::defaultFsType)
                .orElse(LocalBackendConfig.DEFAULT_FS_TYPE);
        NodeFacts facts = NodeFactsDiscovery.discover(settings, backends, initiatorFile);
        // Backing shares of image volumes are mounted once per node, inside the kubelet directory (an allowed root).
        Path shares = settings.kubeletDir().resolve("plugins").resolve(settings.driverName()).resolve("shares");
        return new NodeSettings(facts, topology, locals.stream().map(LocalBackendConfig::root).toList(), fsType, 0,
                settings.nfsVersions(), Optional.of(shares));
    }

    /**
     * The host adapter. The kubelet directory is created when missing (a machine that is not yet a Kubernetes
     * node); when it cannot be, node operations under it are refused and a warning says why.
     */
    public static Either<ConfigError, NodeHost> host(Settings settings, NodeSettings node) {
        List<Path> roots = new ArrayList<>(node.localRoots());
        Path kubelet = settings.kubeletDir();
        try {
            Files.createDirectories(kubelet);
            roots.add(kubelet);
        } catch (IOException e) {
            LOG.warn("kubelet directory {} does not exist and cannot be created ({}): node operations under it will "
                    + "be refused", kubelet, e.getMessage());
        }
        return LinuxHost.create(HostConfig.withRoots(roots))
                .mapLeft(f -> new ConfigError(settings.configFile().map(Path::toString).orElse("(defaults)"),
                        "kubeletDir", f.message()))
                .map(h -> new NodeHost(h.mountTable(), h.mounter(), h.loopDevices(), h.filesystems(), h.blockDevices(),
                        h.stats(), h.paths(), OpenIscsiInitiator.create(IscsiConfig.defaults())));
    }

    private static List<LocalBackendConfig> locals(Backends backends) {
        return backends.all().stream().filter(LocalBackend.class::isInstance).map(b -> ((LocalBackend) b).config())
                .toList();
    }
}
