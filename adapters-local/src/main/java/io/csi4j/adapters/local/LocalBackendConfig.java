package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.topology.Topology;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How one local backend is set up: its name, the root directory its volumes live under, the node that owns
 * that root (volumes are reachable from this node only, under {@code topologyKey}), the size of a volume when
 * the CO names none, the largest volume allowed, and the filesystem type blank images are formatted with.
 */
public record LocalBackendConfig(
        BackendName name,
        Path root,
        String nodeId,
        String topologyKey,
        long defaultSizeBytes,
        long maximumVolumeBytes,
        String defaultFsType) {

    public static final String DEFAULT_TOPOLOGY_KEY = "topology.csi4j.io/node";
    public static final long DEFAULT_SIZE_BYTES = 1L << 30;
    /** The largest multiple of 1 MiB that an ext4 file (4 KiB blocks) can hold: 16 TiB minus 1 MiB. */
    public static final long DEFAULT_MAXIMUM_VOLUME_BYTES = (16L << 40) - SizeRules.MIB;
    public static final String DEFAULT_FS_TYPE = "ext4";

    public LocalBackendConfig {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(root, "'root' must not be null");
        Objects.requireNonNull(nodeId, "'nodeId' must not be null");
        Objects.requireNonNull(topologyKey, "'topologyKey' must not be null");
        Objects.requireNonNull(defaultFsType, "'defaultFsType' must not be null");
    }

    /** A configuration with the documented defaults for everything but name, root and node. */
    public static LocalBackendConfig withDefaults(BackendName name, Path root, String nodeId) {
        return new LocalBackendConfig(name, root, nodeId, DEFAULT_TOPOLOGY_KEY, DEFAULT_SIZE_BYTES,
                DEFAULT_MAXIMUM_VOLUME_BYTES, DEFAULT_FS_TYPE);
    }

    /** The topology segment of the node that owns the root. */
    public Topology topology() {
        return Topology.of(topologyKey, nodeId);
    }

    /** Checks the values that do not need the disk; InvalidArgument names the setting at fault. */
    Either<Failure, LocalBackendConfig> check() {
        String where = "local backend " + name + ": ";
        if (Topology.parse(Map.of(topologyKey, nodeId)).isLeft()) {
            return Either.left(Failure.invalidArgument(where + "node id '" + nodeId + "' under topology key '"
                    + topologyKey + "' is not a valid topology segment: "
                    + Topology.parse(Map.of(topologyKey, nodeId)).getLeft().message()));
        }
        if (maximumVolumeBytes < SizeRules.MIB) {
            return Either.left(Failure.invalidArgument(where + "maximum volume size must be at least 1 MiB"));
        }
        if (defaultSizeBytes < 1 || defaultSizeBytes > maximumVolumeBytes) {
            return Either.left(Failure.invalidArgument(where + "default volume size " + defaultSizeBytes
                    + " must be between 1 byte and the maximum volume size " + maximumVolumeBytes));
        }
        if (!Shape.FS_TYPES.contains(defaultFsType)) {
            return Either.left(Failure.invalidArgument(where + "default filesystem type must be ext4 or xfs, not '"
                    + defaultFsType + "'"));
        }
        return Either.right(this);
    }
}
