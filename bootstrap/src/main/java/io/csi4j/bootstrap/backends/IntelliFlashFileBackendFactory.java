package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.intelliflash.Flavour;

/** {@code type: intelliflash-file}: shares over NFS/SMB, replacing the original IntelliFlash file driver. */
public final class IntelliFlashFileBackendFactory extends IntelliFlashBackendFactory {

    @javax.inject.Inject
    public IntelliFlashFileBackendFactory() {
        super(Flavour.FILE);
    }
}
