package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.intelliflash.Flavour;

/** {@code type: intelliflash-block}: LUNs over iSCSI, replacing the original IntelliFlash block driver. */
public final class IntelliFlashBlockBackendFactory extends IntelliFlashBackendFactory {

    @javax.inject.Inject
    public IntelliFlashBlockBackendFactory() {
        super(Flavour.BLOCK);
    }
}
