package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Map;

/** The backend port contract for raw block images in a backing share. */
class HammerspaceBlockContractTest extends HammerspaceContractTest {

    @Override
    protected Parameters parameters() {
        return new Parameters(Map.of("blockBackingShareName", "contract-blocks"));
    }

    @Override
    protected VolumeCapability capability() {
        return VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);
    }

    @Override
    boolean imageKind() {
        return true;
    }
}
