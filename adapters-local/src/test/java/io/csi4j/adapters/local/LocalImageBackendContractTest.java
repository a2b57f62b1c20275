package io.csi4j.adapters.local;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.Map;

/** The backend port contract against ext4 image volumes (mounted as a filesystem). */
class LocalImageBackendContractTest extends LocalBackendContractTest {

    @Override
    protected Parameters parameters() {
        return new Parameters(Map.of("kind", "image", "csi.storage.k8s.io/pvc/name", "claim"));
    }

    @Override
    protected VolumeCapability capability() {
        return VolumeCapability.mount("ext4", AccessMode.MULTI_NODE_MULTI_WRITER);
    }
}
