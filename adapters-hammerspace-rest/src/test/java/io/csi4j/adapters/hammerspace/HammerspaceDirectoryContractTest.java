package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.volume.Parameters;
import java.util.Map;

/** The backend port contract for directories inside a backing share. */
class HammerspaceDirectoryContractTest extends HammerspaceContractTest {

    @Override
    protected Parameters parameters() {
        return new Parameters(Map.of("mountBackingShareName", "contract-dirs", "csi.storage.k8s.io/pvc/name", "c"));
    }
}
