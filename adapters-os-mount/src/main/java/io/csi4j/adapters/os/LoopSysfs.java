package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel's loop device list from sysfs ({@code /sys/block/loopN/loop/backing_file}). sysfs holds the
 * full backing path, where {@code losetup -j} and LOOP_GET_STATUS64 cut it at 64 bytes, which long kubelet
 * paths exceed.
 */
final class LoopSysfs {

    private static final Pattern LOOP_NAME = Pattern.compile("loop(\\d+)");
    private static final String DELETED = " (deleted)";

    private final Path sysBlock;
    private final Path devDir;

    /** One attached loop device; {@code deleted} when its backing file was removed after attaching. */
    record Attached(int number, Path device, Path backingFile, boolean deleted) {}

    LoopSysfs(Path sysBlock, Path devDir) {
        this.sysBlock = sysBlock;
        this.devDir = devDir;
    }

    /** Every loop device with a backing file, by number. */
    Either<Failure, List<Attached>> attached() {
        List<Attached> result = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sysBlock, "loop*")) {
            for (Path dir : dirs) {
                Matcher name = LOOP_NAME.matcher(dir.getFileName().toString());
                if (name.matches()) {
                    backing(dir).ifPresent(line -> result.add(parse(Integer.parseInt(name.group(1)), line)));
                }
            }
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot list loop devices in " + sysBlock + ": " + e.getMessage()));
        }
        result.sort(Comparator.comparingInt(Attached::number));
        return Either.right(List.copyOf(result));
    }

    /** The loop number of {@code device} when it is a {@code /dev/loopN} path. */
    Optional<Integer> number(Path device) {
        if (device == null || !devDir.equals(device.getParent())) {
            return Optional.empty();
        }
        Matcher name = LOOP_NAME.matcher(device.getFileName().toString());
        return name.matches() ? Optional.of(Integer.parseInt(name.group(1))) : Optional.empty();
    }

    /** True when loop device {@code number} currently has a backing file. */
    boolean isAttached(int number) {
        return backing(sysBlock.resolve("loop" + number)).isPresent();
    }

    /** True when loop device {@code number} refuses writes (attached read-only). */
    boolean isReadOnly(int number) {
        try {
            return Files.readString(sysBlock.resolve("loop" + number).resolve("ro")).strip().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the block device named {@code name} in sysfs (loop0, sdb, dm-0) refuses writes. */
    boolean isReadOnly(String name) {
        try {
            return Files.readString(sysBlock.resolve(name).resolve("ro")).strip().equals("1");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Loop device {@code number} with its backing file, when it has one. */
    Optional<Attached> attached(int number) {
        return backing(sysBlock.resolve("loop" + number)).map(line -> parse(number, line));
    }

    Path device(int number) {
        return devDir.resolve("loop" + number);
    }

    private Attached parse(int number, String line) {
        // The kernel appends " (deleted)" (d_path) when the backing file was unlinked. Checking whether a file
        // really carries that name would touch the backing share, which may be dead; such names are not used.
        if (line.endsWith(DELETED)) {
            return new Attached(number, device(number), Path.of(line.substring(0, line.length() - DELETED.length())),
                    true);
        }
        return new Attached(number, device(number), Path.of(line), false);
    }

    private static Optional<String> backing(Path loopDir) {
        try {
            String text = new String(Files.readAllBytes(loopDir.resolve("loop/backing_file")), StandardCharsets.UTF_8);
            String line = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Detached between listing and reading.
            return Optional.empty();
        }
    }
}
