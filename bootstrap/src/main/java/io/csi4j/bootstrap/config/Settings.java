package io.csi4j.bootstrap.config;

import io.csi4j.domain.id.BackendName;
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
        Optional<MetricsAddress> metricsAddress) {

    public Settings {
        backends = List.copyOf(backends);
        nodeIp = nodeIp == null ? Optional.empty() : nodeIp;
        metricsAddress = metricsAddress == null ? Optional.empty() : metricsAddress;
    }

    /** Settings without a configured node address, with metrics off. */
    public Settings(Optional<Path> configFile, String driverName, String nodeId, String endpoint, Mode mode,
            Optional<BackendName> defaultBackend, List<BackendSettings> backends, LogFormat logFormat, Path kubeletDir) {
        this(configFile, driverName, nodeId, endpoint, mode, defaultBackend, backends, logFormat, kubeletDir,
                Optional.empty(), Optional.empty());
    }
}
