package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Map;

/** The backend port contract for ext4 images in a backing share. */
class HammerspaceFilesystemContractTest extends HammerspaceContractTest {

    @Override
    protected Parameters parameters() {
        return new Parameters(Map.of("fsType", "ext4", "mountBackingShareName", "contract-images"));
    }

    @Override
    protected VolumeCapability capability() {
        return VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER);
    }

    @Override
    boolean imageKind() {
        return true;
    }
}
