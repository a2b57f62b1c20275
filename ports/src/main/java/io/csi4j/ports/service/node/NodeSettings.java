package io.csi4j.ports.service.node;

import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the node use cases need to know of the configuration.
 *
 * @param node this node's name and the facts controllers need to publish to it (reported as the node id)
 * @param localRoots roots of the local backends served here; a local data path outside them is refused
 * @param defaultFsType filesystem for a blank image when neither the capability nor the context names one
 * @param maxVolumesPerNode 0 for no limit
 * @param nfsVersions the NFS versions tried in order when neither the mount flags, the data path's options nor
 *     the volume context name one (each of {@code 3}, {@code 4}, {@code 4.0}, {@code 4.1}, {@code 4.2})
 * @param sharesRoot the directory (inside an allowed root) under which the backing shares of image-on-NFS
 *     volumes are mounted, once per node and share; empty when this node cannot stage such volumes
 */
public record NodeSettings(NodeFacts node, Optional<Topology> topology, List<Path> localRoots, String defaultFsType,
        long maxVolumesPerNode, List<String> nfsVersions, Optional<Path> sharesRoot) {

    /** The NFS versions tried when nothing names one: the newest first, v3 last. */
    public static final List<String> DEFAULT_NFS_VERSIONS = List.of("4.2", "4.1", "4.0", "3");

    public NodeSettings {
        Objects.requireNonNull(node, "'node' must not be null");
        Objects.requireNonNull(topology, "'topology' must not be null");
        localRoots = List.copyOf(localRoots);
        nfsVersions = List.copyOf(nfsVersions);
        Objects.requireNonNull(sharesRoot, "'sharesRoot' must not be null");
        if (nfsVersions.isEmpty() || !nfsVersions.stream().allMatch(NfsVersions::isKnown)) {
            throw new IllegalArgumentException("NFS versions must be a non-empty list of 3, 4, 4.0, 4.1, 4.2: "
                    + nfsVersions);
        }
    }

    /** Settings with the default NFS versions and no backing shares. */
    public NodeSettings(NodeFacts node, Optional<Topology> topology, List<Path> localRoots, String defaultFsType,
            long maxVolumesPerNode) {
        this(node, topology, localRoots, defaultFsType, maxVolumesPerNode, DEFAULT_NFS_VERSIONS, Optional.empty());
    }
}
