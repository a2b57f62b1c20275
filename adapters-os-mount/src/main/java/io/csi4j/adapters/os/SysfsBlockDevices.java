package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.BlockDevices;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Block device facts from the device node's attributes and sysfs. The size is read through the node's
 * device number ({@code /sys/dev/block/MAJOR:MINOR/size}, in 512-byte sectors), so symlinks such as
 * {@code /dev/disk/by-path/...} and nodes with unusual names work without guessing kernel names.
 */
final class SysfsBlockDevices implements BlockDevices {

    static final int S_IFMT = 0170000;
    static final int S_IFBLK = 0060000;
    private static final long SECTOR = 512;

    private final Path sysDevBlock;

    SysfsBlockDevices(Path sysDevBlock) {
        this.sysDevBlock = sysDevBlock;
    }

    @Override
    public Either<Failure, Long> size(Path device) {
        return number(device).flatMap(number -> {
            try {
                Path sizeFile = sysDevBlock.resolve(number).resolve("size");
                String sectors = new String(Files.readAllBytes(sizeFile), StandardCharsets.US_ASCII).strip();
                return Either.right(Long.parseLong(sectors) * SECTOR);
            } catch (NoSuchFileException e) {
                return Either.left(Failure.notFound("no block device at " + device));
            } catch (IOException | NumberFormatException e) {
                return Either.left(Failure.unavailable("cannot read the size of " + device + ": " + e.getMessage()));
            }
        });
    }

    @Override
    public Either<Failure, String> number(Path device) {
        if (device == null || !device.isAbsolute()) {
            return Either.left(Failure.invalidArgument("device must be an absolute path: " + device));
        }
        try {
            Map<String, Object> attributes = Files.readAttributes(device, "unix:mode,rdev");
            if ((((Integer) attributes.get("mode")) & S_IFMT) != S_IFBLK) {
                return Either.left(Failure.notFound(device + " is not a block device"));
            }
            long rdev = (Long) attributes.get("rdev");
            return Either.right(major(rdev) + ":" + minor(rdev));
        } catch (NoSuchFileException e) {
            return Either.left(Failure.notFound("no block device at " + device));
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot read the device number of " + device + ": " + e.getMessage()));
        }
    }

    @Override
    public boolean isBlockDevice(Path path) {
        try {
            return path != null && ((Integer) Files.getAttribute(path, "unix:mode") & S_IFMT) == S_IFBLK;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** glibc's gnu_dev_major: bits 8-19 and 32-43 of the device number. */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & 0xfffff000L);
    }

    /** glibc's gnu_dev_minor: bits 0-7 and 20-31 of the device number. */
    static long minor(long rdev) {
        return (rdev & 0xffL) | ((rdev >>> 12) & 0xffffff00L);
    }
}
