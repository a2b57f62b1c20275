package io.csi4j.ports.service;

import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.TopologyRequirement;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.CreateVolumeCommand;
import io.csi4j.ports.in.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for use-case commands in tests. */
final class Requests {

    static final long MIB = 1L << 20;
    static final VolumeCapability RWO = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    private Requests() {}

    static CreateVolumeCommand create(String name) {
        return create(name, CapacityRange.of(10 * MIB, 0).get(), Map.of());
    }

    static CreateVolumeCommand create(String name, CapacityRange range, Map<String, String> params) {
        return new CreateVolumeCommand(new VolumeName(name), range, List.of(RWO), new Parameters(params),
                Parameters.EMPTY, Secrets.NONE, Optional.empty(), Optional.empty());
    }

    static CreateVolumeCommand withSource(CreateVolumeCommand c, SourceRef source) {
        return new CreateVolumeCommand(c.name(), c.capacity(), c.capabilities(), c.parameters(), c.mutableParameters(),
                c.secrets(), Optional.of(source), c.topology());
    }

    static CreateVolumeCommand withTopology(CreateVolumeCommand c, TopologyRequirement t) {
        return new CreateVolumeCommand(c.name(), c.capacity(), c.capabilities(), c.parameters(), c.mutableParameters(),
                c.secrets(), c.source(), Optional.of(t));
    }

    static CreateVolumeCommand withCapabilities(CreateVolumeCommand c, VolumeCapability... caps) {
        return new CreateVolumeCommand(c.name(), c.capacity(), List.of(caps), c.parameters(), c.mutableParameters(),
                c.secrets(), c.source(), c.topology());
    }
}
