package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.BlockDevices;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Filesystems;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.HostPorts;
import io.csi4j.ports.out.host.IscsiInitiator;
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
    private final Map<String, FakeShare> shares = new HashMap<>();
    private final FakeIscsi iscsi = new FakeIscsi(kernel);
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

    /** The fake iSCSI initiator, over the targets added with {@link #addIscsiTarget}. */
    public IscsiInitiator iscsi() {
        return iscsi;
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

    /**
     * Writes {@code bytes} at the start of the file or device {@code path} leads to; a device attached read-only
     * refuses (EPERM) however it is reached, while a read-only bind of a device node does not, as on Linux.
     */
    public void writeStart(Path path, byte[] bytes) throws java.io.IOException {
        var disk = kernel.locked(() -> FakeBlockDevices.disk(kernel, path));
        FakeData data;
        if (disk.isRight()) {
            if (disk.get().readOnly) {
                throw new java.io.IOException(path + ": Operation not permitted");
            }
            data = disk.get().data;
        } else {
            data = data(path);
        }
        synchronized (kernel) {
            byte[] head = java.util.Arrays.copyOf(data.head, Math.max(data.head.length, bytes.length));
            System.arraycopy(bytes, 0, head, 0, bytes.length);
            data.head = head;
        }
    }

    /** The first {@code length} bytes of the file or device {@code path} leads to (zeros where nothing was written). */
    public byte[] readStart(Path path, int length) {
        var disk = kernel.locked(() -> FakeBlockDevices.disk(kernel, path));
        FakeData data = disk.isRight() ? disk.get().data : data(path);
        synchronized (kernel) {
            return java.util.Arrays.copyOf(data.head, length);
        }
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

    /** The group the volume's data at {@code dir} was shared with, if any. */
    public java.util.Optional<Long> groupOf(Path dir) {
        return ((FakePaths) paths()).groupOf(dir);
    }

    /** Makes the NFS export {@code source} ({@code server:/export}) mountable in every NFS version. */
    public void addShare(String source, long bytes) {
        addNfsExport(source, bytes, Set.of("3", "4.0", "4.1", "4.2"));
    }

    /** Makes the NFS export {@code source} ({@code server:/export}) mountable in the given versions (3, 4.0, ...). */
    public void addNfsExport(String source, long bytes, Set<String> versions) {
        synchronized (kernel) {
            shares.put(source, FakeShare.nfs(new FakeFs(kernel.anonymousDevice(), "nfs4", source, bytes), versions));
        }
    }

    /** Makes the SMB share {@code source} ({@code //server/share}) mountable (cifs) with exactly these credentials. */
    public void addSmbShare(String source, long bytes, Secrets credentials) {
        synchronized (kernel) {
            shares.put(source, FakeShare.smb(new FakeFs(kernel.anonymousDevice(), "cifs", source, bytes), credentials));
        }
    }

    /** Writes a file of {@code bytes} bytes into a share, as the storage system would (say, a volume's image). */
    public void addFileToShare(String source, String path, long bytes) {
        synchronized (kernel) {
            FakeFs fs = shares.get(source).fs;
            String[] names = path.replaceFirst("^/+", "").split("/");
            String dir = "/";
            for (int i = 0; i < names.length - 1; i++) {
                dir = FakeFs.join(dir, names[i]);
                fs.nodes.putIfAbsent(dir, new FakeNode.Dir());
            }
            fs.nodes.put(FakeFs.join(dir, names[names.length - 1]), new FakeNode.File(new FakeData(bytes)));
        }
    }

    /** Kills the share's server: stat and normal unmount of its mounts time out; force and lazy still work. */
    public void killShare(String source) {
        synchronized (kernel) {
            shares.get(source).fs.dead = true;
        }
    }

    /**
     * Adds an iSCSI target reachable through {@code portals}, with LUNs 1..n of the given sizes (blank), requiring
     * CHAP when {@code chap} is set.
     */
    public void addIscsiTarget(String iqn, List<String> portals, java.util.Optional<ChapCredentials> chap,
            long... lunBytes) {
        iscsi.addTarget(iqn, portals, chap, lunBytes);
    }

    /** Grows (or shrinks) a LUN on its target; attached devices see it after a rescan. */
    public void resizeLun(String iqn, int lun, long bytes) {
        iscsi.resizeLun(iqn, lun, bytes);
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
