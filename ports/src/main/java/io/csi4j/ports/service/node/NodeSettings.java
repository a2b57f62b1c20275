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
 */
public record NodeSettings(NodeFacts node, Optional<Topology> topology, List<Path> localRoots, String defaultFsType,
        long maxVolumesPerNode) {

    public NodeSettings {
        Objects.requireNonNull(node, "'node' must not be null");
        Objects.requireNonNull(topology, "'topology' must not be null");
        localRoots = List.copyOf(localRoots);
    }
}
