package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one model behind every fake host port: filesystems, the mount table, block devices. Paths resolve the
 * way the kernel resolves them: through mounts (the topmost mount at a path hides what is below) and
 * symlinks. All access is serialised on this object.
 */
final class FakeKernel {

    static final Path ROOT = Path.of("/");
    static final Path DEV = Path.of("/dev");
    private static final int MAX_SYMLINKS = 40;

    final List<FakeMount> mounts = new ArrayList<>();
    final Map<Path, FakeDisk> disks = new TreeMap<>();
    private int nextMountId = 20;
    private int nextAnonymousMinor = 40;

    FakeKernel() {
        FakeFs rootFs = new FakeFs("254:0", "ext4", "/dev/vda", 1L << 40);
        mounts.add(new FakeMount(nextMountId++, 1, rootFs, rootFs.type, "/", ROOT, rootFs.source, false, List.of()));
        rootFs.nodes.put("/dev", new FakeNode.Dir());
        FakeFs devFs = new FakeFs(anonymousDevice(), "devtmpfs", "udev", 1L << 30);
        mounts.add(new FakeMount(nextMountId++, mounts.getFirst().id, devFs, devFs.type, "/", DEV, devFs.source, false,
                List.of()));
    }

    /** Where a path leads: the mount and the path inside its filesystem; {@code absent} when nothing is there. */
    record Location(FakeMount mount, String fsPath, Path canonical, boolean absent) {

        /** The entry (null when absent); throws on a dead server. */
        FakeNode node() {
            return absent ? null : mount.fs.node(fsPath);
        }
    }

    /** Runs {@code call} under the lock; a call that would hang on a dead server becomes Timeout. */
    synchronized <T> Either<Failure, T> locked(Supplier<Either<Failure, T>> call) {
        try {
            return call.get();
        } catch (FakeFault e) {
            return Either.left(new Failure.Timeout(e.getMessage()));
        }
    }

    /**
     * Resolves an absolute, normalised path. Every symlink target met on the way must satisfy
     * {@code linkAllowed} (InvalidArgument otherwise). A mount root is not looked at unless the walk goes on
     * below it, so a dead mount can still be found (and unmounted).
     */
    Either<Failure, Location> resolve(Path path, boolean followLast, Predicate<Path> linkAllowed) {
        Deque<String> pending = names(path);
        FakeMount mount = topmostAt(ROOT).orElseThrow();
        String fsPath = mount.root;
        Path canonical = ROOT;
        int hops = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            Path candidate = canonical.resolve(name);
            Optional<FakeMount> top = topmostAt(candidate);
            if (!(mount.fs.node(fsPath) instanceof FakeNode.Dir)) {
                return Either.right(new Location(mount, FakeFs.join(fsPath, name), append(candidate, pending), true));
            }
            if (top.isPresent()) {
                mount = top.get();
                fsPath = mount.root;
                canonical = candidate;
                continue;
            }
            String child = FakeFs.join(fsPath, name);
            FakeNode node = mount.fs.node(child);
            if (node instanceof FakeNode.Link link && (!pending.isEmpty() || followLast)) {
                Path target = canonical.resolve(link.target()).normalize();
                if (++hops > MAX_SYMLINKS || !linkAllowed.test(target)) {
                    return Either.left(Failure.invalidArgument(path + " leaves the allowed roots through the "
                            + "symbolic link " + candidate));
                }
                Deque<String> rest = names(target);
                rest.addAll(pending);
                pending = rest;
                mount = topmostAt(ROOT).orElseThrow();
                fsPath = mount.root;
                canonical = ROOT;
                continue;
            }
            if (node == null) {
                return Either.right(new Location(mount, child, append(candidate, pending), true));
            }
            fsPath = child;
            canonical = candidate;
        }
        return Either.right(new Location(mount, fsPath, canonical, false));
    }

    /** The mount on top of the stack at exactly {@code target}. */
    Optional<FakeMount> topmostAt(Path target) {
        FakeMount top = null;
        for (FakeMount mount : mounts) {
            if (mount.target.equals(target)) {
                top = mount;
            }
        }
        return Optional.ofNullable(top);
    }

    FakeMount addMount(FakeFs fs, String type, String root, Path target, String source, int parentId,
            boolean readOnly, List<String> options) {
        FakeMount mount = new FakeMount(nextMountId++, parentId, fs, type, root, target, source, readOnly, options);
        mounts.add(mount);
        return mount;
    }

    /** Mounts that sit on {@code mount} (at or below its target, mounted later). */
    List<FakeMount> childrenOf(FakeMount mount) {
        return mounts.stream().filter(m -> m.parentId == mount.id).toList();
    }

    /** Removes {@code mount} and, recursively, every mount on it (what a lazy unmount does). */
    void detachTree(FakeMount mount) {
        for (FakeMount child : childrenOf(mount)) {
            detachTree(child);
        }
        mounts.remove(mount);
    }

    /** The next free SCSI disk node ({@code /dev/sda}, {@code /dev/sdb}, ...) and its device number. */
    FakeDisk newScsiDisk(FakeData data) {
        int n = 0;
        while (disks.containsKey(DEV.resolve(scsiName(n)))) {
            n++;
        }
        Path node = DEV.resolve(scsiName(n));
        FakeDisk disk = new FakeDisk(node, "8:" + (16 * n), data, null);
        disks.put(node, disk);
        devMount().fs.nodes.put("/" + node.getFileName(), new FakeNode.Device(disk));
        return disk;
    }

    /** Removes a disk and its device node (a deleted SCSI device). */
    void removeDisk(Path node) {
        disks.remove(node);
        devMount().fs.nodes.remove("/" + node.getFileName());
    }

    private static String scsiName(int n) {
        return n < 26 ? "sd" + (char) ('a' + n) : "sd" + (char) ('a' + n / 26 - 1) + (char) ('a' + n % 26);
    }

    String anonymousDevice() {
        return "0:" + nextAnonymousMinor++;
    }

    FakeMount devMount() {
        return topmostAt(DEV).orElseThrow();
    }

    static Deque<String> names(Path path) {
        Deque<String> names = new ArrayDeque<>();
        path.forEach(name -> names.add(name.toString()));
        return names;
    }

    private static Path append(Path base, Deque<String> names) {
        Path result = base;
        for (String name : names) {
            result = result.resolve(name);
        }
        return result;
    }
}
