package io.csi4j.adapters.hammerspace;

import java.util.Optional;

/**
 * The four kinds of volume, chosen as the original plugin chooses them: block access gives a raw file in the
 * {@code blockBackingShareName} share; otherwise the {@code fsType} parameter decides — empty or {@code nfs} gives
 * a share of its own, or a directory when {@code mountBackingShareName} is set; {@code ext4}/{@code xfs} give a
 * file in the {@code mountBackingShareName} share holding that filesystem.
 */
enum Kind {
    SHARE("Filesystem"),
    DIRECTORY("Filesystem"),
    FILESYSTEM("Filesystem"),
    BLOCK("Block");

    private final String mode;

    Kind(String mode) {
        this.mode = mode;
    }

    /** The original plugin's {@code mode} context value. */
    String mode() {
        return mode;
    }

    boolean isFile() {
        return this == FILESYSTEM || this == BLOCK;
    }

    boolean inBackingShare() {
        return this != SHARE;
    }

    static Optional<Kind> parse(String s) {
        for (Kind k : values()) {
            if (k.name().equals(s)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
