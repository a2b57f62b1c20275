package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Optional;

/**
 * What each kind can serve: shares and directories any access mode over NFS (mounted, never as a block device);
 * images only one writer (a loop-mounted filesystem cannot be shared by writers on several nodes), as a filesystem
 * of their own type or as a raw block device.
 */
final class Capabilities {

    private Capabilities() {}

    static Either<Failure, Done> serves(Kind kind, String fsType, VolumeCapability c) {
        if (c.isBlock() != (kind == Kind.BLOCK)) {
            return Either.left(Failure.invalidArgument("a " + kind.name().toLowerCase(Locale.ROOT)
                    + " volume cannot be used " + (c.isBlock() ? "as a block device" : "as a filesystem")));
        }
        String asked = c.fsType();
        if (!kind.isFile() && !asked.isEmpty() && !asked.startsWith("nfs")) {
            return Either.left(Failure.invalidArgument("an NFS volume cannot be mounted as " + Printable.of(asked)));
        }
        if (kind == Kind.FILESYSTEM && !asked.isEmpty() && !fsType.isEmpty() && !asked.equals(fsType)) {
            return Either.left(Failure.invalidArgument("the volume holds " + fsType + ", not " + Printable.of(asked)));
        }
        AccessMode m = c.accessMode();
        if (kind.isFile() && m.isMultiNode() && !m.isReadOnly()) {
            return Either.left(Failure.invalidArgument("a file-backed volume is attached through a loop device, so only "
                    + "one node may write to it (" + m + " is not possible)"));
        }
        return Either.right(Done.DONE);
    }

    /** For an existing volume, from the kind its context records; a file of the original plugin may be either. */
    static Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        Optional<Kind> kind = volume.attributes().get("mode").map(mode -> kindOf(volume, mode));
        if (kind.isEmpty()) {
            boolean image = volume.dataPath() instanceof DataPath.ImageOnNfs;
            return image ? serves(capability.isBlock() ? Kind.BLOCK : Kind.FILESYSTEM, "", capability)
                    : serves(Kind.SHARE, "", capability);
        }
        return serves(kind.get(), volume.attributes().get("fsType").filter(f -> !f.equals("nfs")).orElse(""),
                capability);
    }

    private static Kind kindOf(Volume v, String mode) {
        if (mode.equals("Block")) {
            return Kind.BLOCK;
        }
        if (!v.attributes().get("fsType").orElse("").equals("nfs")) {
            return Kind.FILESYSTEM;
        }
        return v.attributes().get("mountBackingShareName").filter(b -> !b.isEmpty()).isPresent() ? Kind.DIRECTORY
                : Kind.SHARE;
    }
}
