package io.csi4j.ports.out.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One line of the kernel's mount table ({@code /proc/self/mountinfo}), with escapes already decoded.
 *
 * @param id the mount id
 * @param parentId the parent mount id
 * @param device {@code major:minor} of the mounted filesystem's device
 * @param root the path inside the filesystem that is mounted here ({@code /} unless a bind of a subtree)
 * @param target where it is mounted
 * @param options per-mount options ({@code rw}/{@code ro}, {@code nosuid}, ...)
 * @param propagation optional fields such as {@code shared:5}, {@code master:3}, {@code unbindable}
 * @param fsType filesystem type ({@code ext4}, {@code nfs4}, ...)
 * @param source the mount source ({@code /dev/loop3}, {@code server:/export}, ...)
 * @param superOptions per-superblock options
 */
public record MountPoint(
        int id,
        int parentId,
        String device,
        String root,
        Path target,
        List<String> options,
        List<String> propagation,
        String fsType,
        String source,
        List<String> superOptions) {

    public MountPoint {
        Objects.requireNonNull(target, "'target' must not be null");
        options = List.copyOf(options);
        propagation = List.copyOf(propagation);
        superOptions = List.copyOf(superOptions);
    }

    /** Mounted read-only, per mount or per superblock. */
    public boolean isReadOnly() {
        return options.contains("ro") || superOptions.contains("ro");
    }
}
