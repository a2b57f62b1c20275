package io.csi4j.bootstrap.config;

import io.csi4j.domain.id.BackendName;
import io.csi4j.ports.service.node.NodeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of one process: what flags, environment and the YAML file said, with defaults
 * filled in.
 *
 * @param configFile the YAML file read, if any
 * @param driverName the CSI plugin name (GetPluginInfo); deployments replacing another driver use its name
 * @param nodeId this node's id (NodeGetInfo)
 * @param endpoint where CSI is served ({@code unix:///path.sock} or {@code tcp://host:port})
 * @param kubeletDir the kubelet root directory, inside which node operations may touch paths
 * @param nodeIp this node's data address, reported in the node id when a backend needs it (export access lists)
 * @param metricsAddress where /metrics and /healthz are served; empty when metrics are off
 * @param nfsVersions the NFS versions a node tries, in order, when a volume names none
 */
public record Settings(
        Optional<Path> configFile,
        String driverName,
        String nodeId,
        String endpoint,
        Mode mode,
        Optional<BackendName> defaultBackend,
        List<BackendSettings> backends,
        LogFormat logFormat,
        Path kubeletDir,
        Optional<String> nodeIp,
        Optional<MetricsAddress> metricsAddress,
        List<String> nfsVersions) {

    public Settings {
        backends = List.copyOf(backends);
        nodeIp = nodeIp == null ? Optional.empty() : nodeIp;
        metricsAddress = metricsAddress == null ? Optional.empty() : metricsAddress;
        nfsVersions = List.copyOf(nfsVersions);
    }

    /** Settings with the node's default NFS version order. */
    public Settings(Optional<Path> configFile, String driverName, String nodeId, String endpoint, Mode mode,
            Optional<BackendName> defaultBackend, List<BackendSettings> backends, LogFormat logFormat, Path kubeletDir,
            Optional<String> nodeIp, Optional<MetricsAddress> metricsAddress) {
        this(configFile, driverName, nodeId, endpoint, mode, defaultBackend, backends, logFormat, kubeletDir, nodeIp,
                metricsAddress, NodeSettings.DEFAULT_NFS_VERSIONS);
    }

    /** Settings without a configured node address, with metrics off. */
    public Settings(Optional<Path> configFile, String driverName, String nodeId, String endpoint, Mode mode,
            Optional<BackendName> defaultBackend, List<BackendSettings> backends, LogFormat logFormat, Path kubeletDir) {
        this(configFile, driverName, nodeId, endpoint, mode, defaultBackend, backends, logFormat, kubeletDir,
                Optional.empty(), Optional.empty(), NodeSettings.DEFAULT_NFS_VERSIONS);
    }
}
