package io.csi4j.adapters.local;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Map;

/** The backend port contract against xfs-typed images used as raw block devices (kind implied by block). */
class LocalBlockBackendContractTest extends LocalBackendContractTest {

    @Override
    protected Parameters parameters() {
        return new Parameters(Map.of("fsType", "xfs"));
    }

    @Override
    protected VolumeCapability capability() {
        return VolumeCapability.block(AccessMode.SINGLE_NODE_MULTI_WRITER);
    }
}
