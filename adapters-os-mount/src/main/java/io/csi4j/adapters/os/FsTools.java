package io.csi4j.adapters.os;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools for each filesystem type this adapter can make and grow. ext2/3/4 grow by device with resize2fs
 * (online when mounted); xfs grows by mount point with xfs_growfs. xfs has no pre-mount check: it replays its
 * log on mount, and {@code xfs_repair -n} refuses a dirty log, which would block mounting after a crash.
 */
enum FsTools {
    EXT2("ext2", List.of("mkfs.ext2", "-F", "-q", "-E", "lazy_itable_init=1,nodiscard"), "resize2fs", true),
    EXT3("ext3", List.of("mkfs.ext3", "-F", "-q", "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard"),
            "resize2fs", true),
    EXT4("ext4", List.of("mkfs.ext4", "-F", "-q", "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard"),
            "resize2fs", true),
    // No -f: after our own blank probe, mkfs.xfs's refusal to overwrite a signature is a second safety net.
    XFS("xfs", List.of("mkfs.xfs", "-q", "-K"), "xfs_growfs", false);

    private static final Map<String, FsTools> BY_TYPE =
            Map.of("ext2", EXT2, "ext3", EXT3, "ext4", EXT4, "xfs", XFS);

    private final String type;
    private final List<String> mkfs;
    private final String grow;
    private final boolean e2fsck;

    FsTools(String type, List<String> mkfs, String grow, boolean e2fsck) {
        this.type = type;
        this.mkfs = mkfs;
        this.grow = grow;
        this.e2fsck = e2fsck;
    }

    static Optional<FsTools> of(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    String type() {
        return type;
    }

    /** The mkfs argv before the {@code --} and the device. */
    List<String> mkfs() {
        return mkfs;
    }

    String mkfsProgram() {
        return mkfs.getFirst();
    }

    String growProgram() {
        return grow;
    }

    /** True for ext*, checked with e2fsck before mounting. */
    boolean checkedWithE2fsck() {
        return e2fsck;
    }

    /** True when the grow tool takes the mount point rather than the device. */
    boolean growsByMountPoint() {
        return !e2fsck;
    }
}
