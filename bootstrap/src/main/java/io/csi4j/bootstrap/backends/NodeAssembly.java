package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.hammerspace.HammerspaceBackend;
import io.csi4j.adapters.iscsi.IscsiConfig;
import io.csi4j.adapters.iscsi.OpenIscsiInitiator;
import io.csi4j.adapters.local.LocalBackend;
import io.csi4j.adapters.local.LocalBackendConfig;
import io.csi4j.adapters.os.HostConfig;
import io.csi4j.adapters.os.LinuxHost;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.failure.Failure;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what the node service needs: the Linux host adapter confined to the kubelet directory and the local
 * backends' roots, the node's iSCSI initiator (open-iscsi), and the node's settings (id, topology, the local
 * backends' roots, the NFS version order, where backing shares are mounted).
 */
public final class NodeAssembly {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);

    private NodeAssembly() {}

    /**
     * The node's view of the configuration. Its topology joins the segments of every backend that has one: the node
     * key of the local backends, and on a node that serves volumes the Hammerspace data-portal segment (read from the
     * Anvil once at start; when it cannot be read the node does not start, as the original plugin's registration
     * failed, and Kubernetes restarts it). Its id carries the facts controllers need (iSCSI initiator, address).
     */
    public static Either<ConfigError, NodeSettings> settings(Settings settings, Backends backends) {
        return settings(settings, backends, NodeFactsDiscovery.INITIATOR_FILE);
    }

    static Either<ConfigError, NodeSettings> settings(Settings settings, Backends backends, Path initiatorFile) {
        List<LocalBackendConfig> locals = locals(backends);
        Map<String, String> segments = new TreeMap<>();
        locals.stream().findFirst().ifPresent(l -> segments.putAll(l.topology().segments()));
        if (settings.mode().servesNode()) {
            for (HammerspaceBackend h : hammerspaces(backends)) {
                Either<Failure, Topology> t = h.nodeTopology(settings.nodeId());
                if (t.isLeft()) {
                    return Either.left(new ConfigError("backend " + h.name(), "data portals",
                            "cannot tell whether node " + settings.nodeId() + " runs a data portal: "
                                    + t.getLeft().message()));
                }
                segments.putAll(t.get().segments());
            }
        }
        Optional<Topology> topology = segments.isEmpty() ? Optional.empty() : Optional.of(new Topology(segments));
        String fsType = locals.stream().findFirst().map(LocalBackendConfig::defaultFsType)
                .orElse(LocalBackendConfig.DEFAULT_FS_TYPE);
        NodeFacts facts = NodeFactsDiscovery.discover(settings, backends, initiatorFile);
        // Backing shares of image volumes are mounted once per node, inside the kubelet directory (an allowed root).
        Path shares = settings.kubeletDir().resolve("plugins").resolve(settings.driverName()).resolve("shares");
        return Either.right(new NodeSettings(facts, topology, locals.stream().map(LocalBackendConfig::root).toList(),
                fsType, 0, settings.nfsVersions(), Optional.of(shares)));
    }

    private static List<HammerspaceBackend> hammerspaces(Backends backends) {
        return backends.all().stream().filter(HammerspaceBackend.class::isInstance).map(HammerspaceBackend.class::cast)
                .toList();
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
                        h.stats(), h.paths(), OpenIscsiInitiator.create(IscsiConfig.defaults(), metrics)));
    }

    private static List<LocalBackendConfig> locals(Backends backends) {
        return backends.all().stream().filter(LocalBackend.class::isInstance).map(b -> ((LocalBackend) b).config())
                .toList();
    }
}
