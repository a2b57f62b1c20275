package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Set;

/**
 * What a volume is on disk: its kind and, for an image, the filesystem type the node formats a blank image
 * with (empty for a directory).
 */
record Shape(Kind kind, String fsType) {

    static final Set<String> FS_TYPES = Set.of("ext4", "xfs");

    Shape {
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(fsType, "'fsType' must not be null");
        if ((kind == Kind.DIRECTORY) != fsType.isEmpty()) {
            throw new IllegalArgumentException("an image has a filesystem type and a directory has none");
        }
    }

    static Shape directory() {
        return new Shape(Kind.DIRECTORY, "");
    }

    static Shape image(String fsType) {
        return new Shape(Kind.IMAGE, fsType);
    }

    /** Whether a volume of this shape can serve the capability; every access mode is fine on one node. */
    Either<Failure, Done> serves(VolumeCapability capability) {
        if (kind == Kind.DIRECTORY && capability.isBlock()) {
            return Either.left(Failure.invalidArgument("a directory volume cannot be used as a block device"));
        }
        if (kind == Kind.DIRECTORY && !capability.fsType().isEmpty()) {
            return Either.left(Failure.invalidArgument("a directory volume has no filesystem type, but the "
                    + "capability asks for " + capability.fsType()));
        }
        if (kind == Kind.IMAGE && !capability.fsType().isEmpty() && !capability.fsType().equals(fsType)) {
            return Either.left(Failure.invalidArgument("the volume holds " + fsType + ", but the capability asks for "
                    + capability.fsType()));
        }
        return Either.right(Done.DONE);
    }
}
