package io.csi4j.adapters.intelliflash;

import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.VolumeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request values for the backend tests. */
final class Requests {

    static final VolumeCapability RWO = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    static final VolumeCapability RWX = VolumeCapability.mount("", AccessMode.MULTI_NODE_MULTI_WRITER);
    static final VolumeCapability BLOCK_RWO = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    private Requests() {}

    static VolumeSpec spec(String name, Map<String, String> params) {
        return spec(name, params, Optional.empty());
    }

    static VolumeSpec spec(String name, Map<String, String> params, Optional<ContentSource> source) {
        return new VolumeSpec(new VolumeName(name), SimulatedArray.SMALL, List.of(RWO), new Parameters(params), source,
                Optional.empty(), Secrets.NONE);
    }

    static NodeId node(String name, String ip) {
        return new NodeFacts(name, Optional.of("iqn.2024-01.test.kvmnode:" + name), Optional.of(ip)).toId();
    }
}
