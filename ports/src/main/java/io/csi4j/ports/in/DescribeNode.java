package io.csi4j.ports.in;

import io.csi4j.domain.capability.NodeCapability;
import io.csi4j.domain.topology.Topology;
import java.util.Optional;
import java.util.Set;

/** What this node plugin is and offers (CSI NodeGetInfo and NodeGetCapabilities). */
public interface DescribeNode {

    String nodeId();

    /** 0 means no limit. */
    long maxVolumesPerNode();

    /** Where this node is; empty when no configured backend uses topology. */
    Optional<Topology> topology();

    Set<NodeCapability> capabilities();
}
