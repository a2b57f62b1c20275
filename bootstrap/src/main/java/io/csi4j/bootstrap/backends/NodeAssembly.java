package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.local.LocalBackend;
import io.csi4j.adapters.local.LocalBackendConfig;
import io.csi4j.adapters.os.HostConfig;
import io.csi4j.adapters.os.LinuxHost;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.topology.Topology;
import io.csi4j.metrics.CommandRecorder;
import io.csi4j.metrics.Recorders;
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
 * backends' roots, and the node's settings (id, topology of the local backends, their roots).
 */
public final class NodeAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

    private NodeAssembly() {}

    /** The node's view of the configuration. */
    public static NodeSettings settings(Settings settings, Backends backends) {
        List<LocalBackendConfig> locals = locals(backends);
        Optional<Topology> topology = locals.stream().findFirst().map(LocalBackendConfig::topology);
        String fsType = locals.stream().findFirst().map(LocalBackendConfig::defaultFsType)
                .orElse(LocalBackendConfig.DEFAULT_FS_TYPE);
        return new NodeSettings(NodeFacts.named(settings.nodeId()), topology, locals.stream().map(LocalBackendConfig::root).toList(),
                fsType, 0);
    }

    /**
     * The host adapter. The kubelet directory is created when missing (a machine that is not yet a Kubernetes
     * node); when it cannot be, node operations under it are refused and a warning says why.
     */
    public static Either<ConfigError, NodeHost> host(Settings settings, NodeSettings node) {
        return host(settings, node, Recorders.none().commands());
    }

    /** Like {@link #host(Settings, NodeSettings)}, recording every host command into {@code metrics}. */
    public static Either<ConfigError, NodeHost> host(Settings settings, NodeSettings node, CommandRecorder metrics) {
        List<Path> roots = new ArrayList<>(node.localRoots());
        Path kubelet = settings.kubeletDir();
        try {
            Files.createDirectories(kubelet);
            roots.add(kubelet);
        } catch (IOException e) {
            LOG.warn("kubelet directory {} does not exist and cannot be created ({}): node operations under it will "
                    + "be refused", kubelet, e.getMessage());
        }
        return LinuxHost.create(HostConfig.withRoots(roots), metrics)
                .mapLeft(f -> new ConfigError(settings.configFile().map(Path::toString).orElse("(defaults)"),
                        "kubeletDir", f.message()))
                .map(h -> new NodeHost(h.mountTable(), h.mounter(), h.loopDevices(), h.filesystems(), h.blockDevices(),
                        h.stats(), h.paths()));
    }

    private static List<LocalBackendConfig> locals(Backends backends) {
        return backends.all().stream().filter(LocalBackend.class::isInstance).map(b -> ((LocalBackend) b).config())
                .toList();
    }
}
