package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.local.LocalBackend;
import io.csi4j.adapters.local.LocalBackendConfig;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.InvalidConfig;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.bootstrap.config.SettingsLoader;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the embedded local backend ({@code type: local}): volumes under a root directory on this node. */
public final class LocalBackendFactory implements BackendFactory {

    @javax.inject.Inject
    public LocalBackendFactory() {
        // Stateless: everything comes from the backend entry and the settings.
    }

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("root", "Directory the volumes, snapshots and metadata live under (created if missing).",
                    "/var/lib/csi4j as root, else $XDG_DATA_HOME/csi4j (~/.local/share/csi4j)"),
            new ConfigKey("defaultSize", "Size of a volume when the request names none.", "1Gi"),
            new ConfigKey("maxVolumeSize", "Largest volume a request may ask for.", "16Ti minus 1Mi"),
            new ConfigKey("topologyKey", "Topology key whose value is the node id: volumes are reachable from this "
                    + "node only.", LocalBackendConfig.DEFAULT_TOPOLOGY_KEY),
            new ConfigKey("defaultFsType", "Filesystem a blank image volume gets when neither the request nor the "
                    + "StorageClass names one (ext4 or xfs).", LocalBackendConfig.DEFAULT_FS_TYPE));

    @Override
    public String type() {
        return SettingsLoader.LOCAL_TYPE;
    }

    @Override
    public List<ConfigKey> keys() {
        return KEYS;
    }

    @Override
    public Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings) {
        ConfigTree o = backend.options();
        Set<String> known = KEYS.stream().map(ConfigKey::name).collect(Collectors.toSet());
        known.add("type");
        try {
            o.onlyKeys(known).getOrElseThrow(InvalidConfig::new);
            Path root = o.absolutePath("root").getOrElseThrow(InvalidConfig::new).orElseGet(LocalBackendFactory::defaultRoot);
            long defaultSize = o.size("defaultSize").getOrElseThrow(InvalidConfig::new)
                    .orElse(LocalBackendConfig.DEFAULT_SIZE_BYTES);
            long maxSize = o.size("maxVolumeSize").getOrElseThrow(InvalidConfig::new)
                    .orElse(LocalBackendConfig.DEFAULT_MAXIMUM_VOLUME_BYTES);
            String topologyKey = o.string("topologyKey").getOrElseThrow(InvalidConfig::new)
                    .orElse(LocalBackendConfig.DEFAULT_TOPOLOGY_KEY);
            String fsType = o.string("defaultFsType").getOrElseThrow(InvalidConfig::new)
                    .orElse(LocalBackendConfig.DEFAULT_FS_TYPE);
            createRoot(root).getOrElseThrow(reason -> new InvalidConfig(o.error("root", reason)));
            var config = new LocalBackendConfig(backend.name(), root, settings.nodeId(), topologyKey, defaultSize,
                    maxSize, fsType);
            return LocalBackend.open(config).<VolumeBackend>map(b -> b)
                    .mapLeft(f -> new ConfigError(o.source(), o.path(), f.message()));
        } catch (InvalidConfig e) {
            return Either.left(e.error());
        }
    }

    private static Either<String, Path> createRoot(Path root) {
        try {
            return Either.right(java.nio.file.Files.createDirectories(root));
        } catch (java.io.IOException e) {
            return Either.left("cannot create " + root + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Where volumes live when the configuration does not say: the system location as root, else the user's. */
    static Path defaultRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/csi4j");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local/share");
        return base.resolve("csi4j");
    }
}
