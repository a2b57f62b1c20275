package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.BlockDevices;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Filesystems;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.HostPorts;
import io.csi4j.ports.out.host.LoopDevices;
import io.csi4j.ports.out.host.MountTable;
import io.csi4j.ports.out.host.Mounter;
import io.csi4j.ports.out.host.fake.FakeKernel.Location;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory Linux host for use-case tests: every host port over one consistent model of directories and
 * files, mounts, loop devices and filesystems on disks. It passes the same contract tests as the real
 * adapter. The scene-setting methods below act like root on the host: they are not confined.
 */
public final class FakeHost {

    private final FakeKernel kernel = new FakeKernel();
    private final Map<String, FakeFs> shares = new HashMap<>();
    private final HostPorts ports;

    /** A host whose allowed roots are {@code roots} (created as directories) and that supports ext2/3/4 and xfs. */
    public FakeHost(List<Path> roots) {
        this(roots, Set.of("ext2", "ext3", "ext4", "xfs"));
    }

    public FakeHost(List<Path> roots, Set<String> supportedFilesystems) {
        FakeConfinement confinement = new FakeConfinement(kernel, roots);
        roots.forEach(this::mkdirs);
        this.ports = new HostPorts(new FakeMountTable(kernel), new FakeMounter(kernel, confinement, shares),
                new FakeLoopDevices(kernel, confinement),
                new FakeFilesystems(kernel, confinement, supportedFilesystems),
                new FakeBlockDevices(kernel), new FakeStats(kernel, confinement), new FakePaths(kernel, confinement));
    }

    public HostPorts ports() {
        return ports;
    }

    public MountTable mountTable() {
        return ports.mountTable();
    }

    public Mounter mounter() {
        return ports.mounter();
    }

    public LoopDevices loopDevices() {
        return ports.loopDevices();
    }

    public Filesystems filesystems() {
        return ports.filesystems();
    }

    public BlockDevices blockDevices() {
        return ports.blockDevices();
    }

    public FilesystemStats stats() {
        return ports.stats();
    }

    public HostPaths paths() {
        return ports.paths();
    }

    /** Creates a directory and its parents anywhere. */
    public void mkdirs(Path dir) {
        must(kernel.locked(() -> kernel.resolve(dir, true, p -> true).flatMap(at -> at.absent()
                ? FakePaths.create(kernel, at.canonical(), new FakeNode.Dir()) : Either.right(null))));
    }

    /** Creates a sparse image file of {@code bytes} zeros. */
    public void createImage(Path file, long bytes) {
        must(kernel.locked(() -> FakePaths.create(kernel, file, new FakeNode.File(new FakeData(bytes)))));
    }

    /** Changes an image file's size (truncate). */
    public void resizeImage(Path file, long bytes) {
        data(file).size = bytes;
    }

    /** Puts an MBR partition table at the start of an image file. */
    public void writePartitionTable(Path file) {
        data(file).signature = new FakeData.PartitionTable("dos");
    }

    /** Writes a file of {@code bytes} bytes. */
    public void writeFile(Path file, int bytes) {
        must(kernel.locked(() -> FakePaths.create(kernel, file, new FakeNode.File(new FakeData(bytes)))));
    }

    /** Creates a symbolic link. */
    public void symlink(Path link, Path target) {
        must(kernel.locked(() -> FakePaths.create(kernel, link, new FakeNode.Link(target))));
    }

    /** Whether anything is at {@code path} (a symlink itself counts). */
    public boolean exists(Path path) {
        return must(kernel.locked(() -> kernel.resolve(path, false, p -> true).map(at -> !at.absent())));
    }

    /** Keeps a file open, so the mount it is on is busy, until closed. */
    public AutoCloseable holdOpen(Path file) {
        FakeMount mount = must(kernel.locked(() -> kernel.resolve(file, true, p -> true).map(Location::mount)));
        synchronized (kernel) {
            mount.openFiles++;
        }
        return () -> {
            synchronized (kernel) {
                mount.openFiles--;
            }
        };
    }

    /** Adds a disk (say, an iSCSI LUN) at {@code device}, blank. */
    /** The group the volume's data at {@code dir} was shared with, if any. */
    public java.util.Optional<Long> groupOf(Path dir) {
        return ((FakePaths) paths()).groupOf(dir);
    }

    public void addDisk(Path device, long bytes) {
        synchronized (kernel) {
            FakeDisk disk = new FakeDisk(device, "8:" + kernel.disks.size(), new FakeData(bytes), null);
            kernel.disks.put(device, disk);
            kernel.devMount().fs.nodes.put(FakeKernel.DEV.relativize(device).toString().isEmpty() ? "/"
                    : "/" + FakeKernel.DEV.relativize(device), new FakeNode.Device(disk));
        }
    }

    /** Makes the network share {@code source} (e.g. {@code server:/export}) mountable as nfs/nfs4/cifs/smb3. */
    public void addShare(String source, long bytes) {
        synchronized (kernel) {
            shares.put(source, new FakeFs(kernel.anonymousDevice(), "nfs4", source, bytes));
        }
    }

    /** Kills the share's server: stat and normal unmount of its mounts time out; force and lazy still work. */
    public void killShare(String source) {
        synchronized (kernel) {
            shares.get(source).dead = true;
        }
    }

    private FakeData data(Path file) {
        return must(kernel.locked(() -> kernel.resolve(file, true, p -> true).flatMap(at ->
                at.node() instanceof FakeNode.File f ? Either.right(f.data())
                        : Either.left(Failure.notFound("no image file at " + file)))));
    }

    private static <T> T must(Either<Failure, T> outcome) {
        if (outcome.isLeft()) {
            throw new IllegalStateException(outcome.getLeft().message());
        }
        return outcome.get();
    }
}
