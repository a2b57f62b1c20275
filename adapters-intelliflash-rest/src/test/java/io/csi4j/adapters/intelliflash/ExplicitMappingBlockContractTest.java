package io.csi4j.adapters.intelliflash;

import io.csi4j.ports.out.VolumeBackend;
import java.util.Optional;

/** The block backend keeps the contract when it maps LUNs itself (inheritProjectSettings: false), in a zone. */
class ExplicitMappingBlockContractTest extends BlockBackendContractTest {

    @Override
    protected VolumeBackend newBackend() {
        array = SimulatedArray.start(dir);
        return array.block(false, Optional.of("zone-b"));
    }
}
