package io.csi4j.adapters.os;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Linux host adapter: the directories no operation may leave (kubelet directory, the driver's
 * own roots) and the time limits that keep a dead server or a stuck tool from wedging a caller.
 *
 * @param allowedRoots absolute directories; every caller-given path must lie inside one of them
 * @param commandTimeout limit for losetup, blkid, mkfs, fsck and grow tools
 * @param mountTimeout limit for mount and umount
 * @param statTimeout limit for statfs and for file operations on caller paths (which may sit on a dead mount)
 * @param maxStuckCalls how many abandoned, still-blocked file operations are tolerated before further ones
 *     fail fast as Unavailable instead of piling up threads
 */
public record HostConfig(
        List<Path> allowedRoots,
        Duration commandTimeout,
        Duration mountTimeout,
        Duration statTimeout,
        int maxStuckCalls) {

    public HostConfig {
        allowedRoots = List.copyOf(Objects.requireNonNull(allowedRoots, "'allowedRoots' must not be null"));
        if (allowedRoots.isEmpty()) {
            throw new IllegalArgumentException("'allowedRoots' must name at least one directory");
        }
        for (Path root : allowedRoots) {
            if (!root.isAbsolute() || !root.normalize().equals(root) || root.getNameCount() == 0) {
                throw new IllegalArgumentException("allowed root must be an absolute, normalised directory other"
                        + " than /: " + root);
            }
        }
        requirePositive("commandTimeout", commandTimeout);
        requirePositive("mountTimeout", mountTimeout);
        requirePositive("statTimeout", statTimeout);
        if (maxStuckCalls < 1) {
            throw new IllegalArgumentException("'maxStuckCalls' must be at least 1");
        }
    }

    /** The given roots with the default limits: 5 min for tools, 2 min for mounts, 10 s for stat, 16 stuck calls. */
    public static HostConfig withRoots(List<Path> allowedRoots) {
        return new HostConfig(allowedRoots, Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(10), 16);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, "'" + name + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + name + "' must be positive");
        }
    }
}
