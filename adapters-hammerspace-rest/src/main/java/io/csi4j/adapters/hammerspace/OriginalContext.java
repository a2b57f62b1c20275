package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.Parameters;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Optional;

/**
 * The volume context the original plugin wrote, read back on a node to tell the {@link Kind} of a volume: a share
 * ({@code /<name>}: {@code mode=Filesystem}, {@code fsType=nfs}, {@code mountBackingShareName=""}, newer versions
 * {@code fqdn}), a filesystem image ({@code /<B>/<vol>}: {@code mountBackingShareName=B}, {@code fsType=ext4|xfs}),
 * a block image ({@code /<B>/<vol>}: {@code mode=Block}, {@code blockBackingShareName=B}), and csi4j's directory
 * ({@code /<B>/<dir>}: {@code mountBackingShareName=B} with {@code fsType} nfs or empty). Keys that are absent say
 * nothing; keys that contradict the id or each other are InvalidArgument, so a hand-written context can never make
 * a share into a loop device or send a node to another backing share.
 *
 * @param fsType the {@code fsType} key, lower case; empty when absent
 * @param server the {@code fqdn} key: an NFS server that overrides the data portals
 */
record OriginalContext(Kind kind, String fsType, Optional<String> server) {

    static final String MODE = "mode";

    static Either<Failure, OriginalContext> read(VolumeHandle h, Parameters context) {
        String mode = context.get(MODE).orElse("").trim();
        String fs = context.get(VolumeParameters.FS_TYPE).orElse("").trim().toLowerCase(Locale.ROOT);
        String mountBacking = context.get(VolumeParameters.MOUNT_BACKING).orElse("").trim();
        String blockBacking = context.get(VolumeParameters.BLOCK_BACKING).orElse("").trim();
        Optional<String> server = context.get(VolumeParameters.FQDN).map(String::trim).filter(s -> !s.isEmpty());
        if (!mode.isEmpty() && !mode.equals(Kind.SHARE.mode()) && !mode.equals(Kind.BLOCK.mode())) {
            return bad("volume_context mode '" + Printable.of(mode) + "' is neither Filesystem nor Block");
        }
        if (!fs.isEmpty() && !fs.equals("nfs") && !VolumeParameters.FILESYSTEMS.contains(fs)) {
            return bad("volume_context fsType '" + Printable.of(fs) + "' is not nfs, ext4 or xfs");
        }
        boolean block = mode.equals(Kind.BLOCK.mode()) || !blockBacking.isEmpty();
        if (mode.equals(Kind.SHARE.mode()) && !blockBacking.isEmpty()) {
            return bad("volume_context has mode Filesystem and blockBackingShareName");
        }
        if (block && !mountBacking.isEmpty()) {
            return bad("volume_context names a block volume and mountBackingShareName");
        }
        return (h.isShare() ? share(h, block, mountBacking, fs) : entry(h, block, block ? blockBacking : mountBacking,
                fs)).map(kind -> new OriginalContext(kind, fs, server));
    }

    private static Either<Failure, Kind> share(VolumeHandle h, boolean block, String backing, String fs) {
        if (block) {
            return bad("volume " + h.value() + " is a share volume: it cannot be a Block volume");
        }
        if (!backing.isEmpty()) {
            return bad("volume_context names backing share '" + Printable.of(backing) + "', but volume " + h.value()
                    + " is a share volume");
        }
        if (VolumeParameters.FILESYSTEMS.contains(fs)) {
            return bad("volume " + h.value() + " is a share volume (NFS), not fsType " + fs);
        }
        return Either.right(Kind.SHARE);
    }

    private static Either<Failure, Kind> entry(VolumeHandle h, boolean block, String backing, String fs) {
        if (!backing.isEmpty() && !backing.equals(h.share())) {
            return bad("volume_context names backing share '" + Printable.of(backing) + "', but volume " + h.value()
                    + " lives in backing share " + h.share());
        }
        if (block) {
            return Either.right(Kind.BLOCK);
        }
        if (VolumeParameters.FILESYSTEMS.contains(fs)) {
            return Either.right(Kind.FILESYSTEM);
        }
        if (fs.equals("nfs") || !backing.isEmpty()) {
            return Either.right(Kind.DIRECTORY);
        }
        return bad("volume_context does not say what volume " + h.value() + " is: it needs mode=Block with "
                + "blockBackingShareName, or mountBackingShareName with fsType (ext4 or xfs for an image, nfs for a "
                + "directory)");
    }

    private static <T> Either<Failure, T> bad(String message) {
        return Either.left(Failure.invalidArgument(message));
    }
}
