package io.csi4j.bootstrap.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting of the process outside a backend's own options: its key in the YAML file, its flag, its
 * environment variable (any of which may be absent), its default and meaning. {@link SettingsLoader} reads them by
 * these names and docs/configuration.md is generated from this list, so the two cannot drift apart.
 */
public enum Setting {
    CONFIG(null, "--config", "CSI4J_CONFIG", "none: one embedded local backend",
            "YAML configuration file to read (the keys of this table and `backends:`)."),
    ENDPOINT("endpoint", "--endpoint", "CSI_ENDPOINT", "none: required",
            "Where CSI is served: `unix:///path/csi.sock` (what kubelet and the sidecars use) or `tcp://host:port`."),
    NODE_ID("nodeId", "--node-id", "CSI_NODE_ID", "the host name",
            "This node's name, reported by NodeGetInfo; in Kubernetes the node's name (`spec.nodeName`)."),
    DRIVER_NAME("driverName", "--driver-name", "CSI4J_DRIVER_NAME", SettingsLoader.DEFAULT_DRIVER_NAME,
            "The CSI plugin name (GetPluginInfo); must equal the CSIDriver object's name. Deployments replacing "
                    + "another driver use its name."),
    MODE("mode", "--mode", "CSI4J_MODE", "all",
            "Which CSI services this process serves: `controller`, `node` or `all`."),
    NODE_IP("nodeIp", null, "CSI4J_NODE_IP", "none",
            "This node's data address (in Kubernetes `status.hostIP`), reported in the node id when a backend needs "
                    + "it: export access lists (IntelliFlash file) grant it at ControllerPublish."),
    LOG_FORMAT("logFormat", "--log-format", "CSI4J_LOG_FORMAT", "text",
            "`text`, or `json`: one JSON object per line with the request id as a field, for log collectors."),
    LOG_LEVEL(null, null, "CSI4J_LOG_LEVEL", "INFO",
            "Root log level (`DEBUG` shows every host command and the chatty RPCs); read by the logging setup."),
    METRICS_ADDRESS("metricsAddress", "--metrics-address", "CSI4J_METRICS_ADDRESS", "off",
            "`host:port` (`:port` for every interface) of the HTTP endpoint serving `/metrics` (Prometheus) and "
                    + "`/healthz`. Unset, no port is opened and no metrics library is loaded."),
    LOCAL_ROOT(null, "--local-root", "CSI4J_LOCAL_ROOT", "the local backend's `root` default",
            "Sets `root` of the one backend of type `local` (the embedded one when there is no file)."),
    DEFAULT_BACKEND("defaultBackend", null, null, "none: the only backend, if there is one",
            "The backend a request goes to when neither its StorageClass (`csi4j.io/backend`) nor its content "
                    + "source names one."),
    NFS_VERSIONS("nfsVersions", null, "CSI4J_NFS_VERSIONS", "4.2,4.1,4.0,3",
            "The NFS versions a node tries, in order, when a volume names none (mount flags, the data path's options "
                    + "and the volume context's `csi4j.io/nfs-versions` come first); the next is tried only when the "
                    + "server refused the previous one."),
    KUBELET_DIR("kubeletDir", null, "CSI4J_KUBELET_DIR", "/var/lib/kubelet",
            "kubelet's root directory (`--root-dir`), mounted at the same path in the node plugin: node operations "
                    + "touch no path outside it and the local backends' roots."),
    BACKENDS("backends", null, null, "one backend `local` of type `local`",
            "Map of backend name to its options; each needs `type` and takes that type's keys (below).");

    private final String key;
    private final String flag;
    private final String env;
    private final String defaultValue;
    private final String description;

    Setting(String key, String flag, String env, String defaultValue, String description) {
        this.key = key;
        this.flag = flag;
        this.env = env;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The top-level key in the YAML file, if the file can set it. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    public Optional<String> env() {
        return Optional.ofNullable(env);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Every key the top level of the YAML file may have. */
    public static Set<String> fileKeys() {
        return Arrays.stream(values()).flatMap(s -> s.key().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
