package io.csi4j.adapters.intelliflash;

/** Which original driver a backend replaces: shares over NFS/SMB, or LUNs over iSCSI. */
public enum Flavour {
    FILE("intelliflash-file"),
    BLOCK("intelliflash-block");

    /** The backend type in csi4j's configuration. */
    public final String type;

    Flavour(String type) {
        this.type = type;
    }
}
