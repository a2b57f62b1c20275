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
        List<String> nfsVersions) {

    public Settings {
        backends = List.copyOf(backends);
        nfsVersions = List.copyOf(nfsVersions);
    }
}
