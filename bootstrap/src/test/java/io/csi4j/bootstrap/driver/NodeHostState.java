package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel says about a test's directory, read the way an operator would check a node: the lines of
 * {@code /proc/self/mountinfo} whose mount point lies under the directory, and the loop devices whose backing
 * file does ({@code /sys/block/loop*}/loop/backing_file, the data {@code losetup --list} prints). The driver runs
 * in the test's mount namespace, so its mounts show here.
 */
final class NodeHostState {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path SYS_BLOCK = Path.of("/sys/block");
    private static final String DELETED = " (deleted)";

    private NodeHostState() {}

    /** One line of mountinfo, the fields the tests look at. */
    record Mount(Path target, String root, String options, String fsType, String source, String superOptions) {

        boolean readOnly() {
            return List.of(options.split(",")).contains("ro");
        }

        boolean superReadOnly() {
            return List.of(superOptions.split(",")).contains("ro");
        }
    }

    /** A loop device and the file behind it. */
    record Loop(Path device, Path backingFile) {}

    /** Mounts and loop devices of one directory at one moment; equal snapshots mean nothing leaked. */
    record Snapshot(List<Mount> mounts, List<Loop> loops) {}

    static Snapshot snapshot(Path dir) {
        return new Snapshot(mountsUnder(dir), loopsUnder(dir));
    }

    /** Every mount whose mount point is {@code dir} or below it, in mountinfo order (parents before children). */
    static List<Mount> mountsUnder(Path dir) {
        return mounts().stream().filter(m -> m.target().startsWith(dir)).toList();
    }

    /** Mounts exactly at {@code target}, bottom first. */
    static List<Mount> mountsAt(Path target) {
        return mounts().stream().filter(m -> m.target().equals(target)).toList();
    }

    static List<Mount> mounts() {
        try {
            List<Mount> out = new ArrayList<>();
            for (String line : Files.readAllLines(MOUNTINFO)) {
                out.add(parse(line));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MOUNTINFO, e);
        }
    }

    /**
     * Loop devices whose backing file lies under {@code dir}, preceded by those backed by one of them (the
     * read-only views of raw block volumes published read-only), so detaching in this order frees each device
     * before the one below it.
     */
    static List<Loop> loopsUnder(Path dir) {
        List<Loop> all = loops();
        List<Loop> under = all.stream().filter(l -> l.backingFile().startsWith(dir)).toList();
        List<Path> devices = under.stream().map(Loop::device).toList();
        List<Loop> out = new ArrayList<>(all.stream().filter(l -> devices.contains(l.backingFile())).toList());
        out.addAll(under);
        return out;
    }

    /** Loop devices backed by the block device {@code device} (read-only views of it). */
    static List<Loop> loopsBackedBy(Path device) {
        return loops().stream().filter(l -> l.backingFile().equals(device)).toList();
    }

    static List<Loop> loops() {
        List<Loop> out = new ArrayList<>();
        try (DirectoryStream<Path> devices = Files.newDirectoryStream(SYS_BLOCK, "loop*")) {
            for (Path dev : devices) {
                try {
                    String backing = Files.readString(dev.resolve("loop/backing_file")).strip();
                    if (backing.endsWith(DELETED)) {
                        backing = backing.substring(0, backing.length() - DELETED.length());
                    }
                    out.add(new Loop(Path.of("/dev").resolve(dev.getFileName()), Path.of(backing)));
                } catch (NoSuchFileException detached) {
                    // not attached, or detached while we looked
                } catch (FileSystemException detaching) {
                    // ENODEV ("No such device"): the kernel was tearing the device down while we read it
                    if (!String.valueOf(detaching.getReason()).contains("No such device")) {
                        throw detaching;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list loop devices", e);
        }
        out.sort((a, b) -> a.device().compareTo(b.device()));
        return out;
    }

    /** Size in bytes of a block device node, from sysfs (512-byte sectors), found through the node's major:minor. */
    static long blockDeviceSize(Path node) throws IOException {
        long rdev = ((Number) Files.getAttribute(node, "unix:rdev")).longValue();
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        String sectors = Files.readString(Path.of("/sys/dev/block/" + major + ":" + minor + "/size")).strip();
        return Long.parseLong(sectors) * 512;
    }

    static boolean isBlockDevice(Path node) throws IOException {
        int mode = ((Number) Files.getAttribute(node, "unix:mode")).intValue();
        return (mode & 0170000) == 0060000;
    }

    private static Mount parse(String line) {
        String[] halves = line.split(" - ", 2);
        String[] left = halves[0].split(" ");
        String[] right = halves[1].split(" ");
        return new Mount(Path.of(unescape(left[4])), unescape(left[3]), left[5], right[0], unescape(right[1]),
                right.length > 2 ? right[2] : "");
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field.substring(i + 1, i + 4))) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String digits) {
        return digits.chars().allMatch(d -> d >= '0' && d <= '7');
    }
}
