package io.csi4j.adapters.local;

import java.util.Optional;

/** The two forms a local volume takes on disk. */
enum Kind {
    /** A plain directory, bind-mounted by the node; any access mode, no filesystem type, no block access. */
    DIRECTORY("directory"),
    /** A sparse file holding a filesystem (ext4 or xfs) or used raw as a block device through a loop device. */
    IMAGE("image");

    private final String parameter;

    Kind(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code kind} StorageClass parameter (and of the record field). */
    String parameter() {
        return parameter;
    }

    static Optional<Kind> fromParameter(String value) {
        for (Kind k : values()) {
            if (k.parameter.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
