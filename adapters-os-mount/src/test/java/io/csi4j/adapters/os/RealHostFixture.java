package io.csi4j.adapters.os;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.ports.out.host.HostFixture;
import io.csi4j.ports.out.host.HostPorts;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The host contract fixture over the real Linux host: a fresh temp directory as the only allowed root and
 * another one outside it. Closing is the last line of defence: whatever the test and the contract's own
 * cleanup left mounted or attached is removed with raw commands, and the directories are deleted only when
 * nothing is mounted below them any more.
 */
final class RealHostFixture implements HostFixture {

    private final Path root;
    private final Path outside;
    private final HostPorts ports;

    private RealHostFixture(Path root, Path outside, LinuxHost host) {
        this.root = root;
        this.outside = outside;
        this.ports = new HostPorts(host.mountTable(), host.mounter(), host.loopDevices(), host.filesystems(),
                host.blockDevices(), host.stats(), host.paths());
    }

    static RealHostFixture open() throws IOException {
        Path root = Files.createTempDirectory("csi4j-root-").toRealPath();
        Path outside = Files.createTempDirectory("csi4j-outside-").toRealPath();
        HostConfig config = new HostConfig(List.of(root), Duration.ofMinutes(2), Duration.ofMinutes(1),
                Duration.ofSeconds(10), 16);
        LinuxHost host = LinuxHost.create(config).getOrElseThrow(f -> new IllegalStateException(f.message()));
        return new RealHostFixture(root, outside, host);
    }

    /** Skips the calling test class unless it runs as root (CI does), saying why. */
    static void assumeRoot() {
        assumeTrue(isRoot(), "host contract tests need root (mount, losetup, mkfs); skipped for a normal user");
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** ext2/3/4 online resize (EXT4_IOC_RESIZE_FS) needs CAP_SYS_RESOURCE; some sandboxes drop it even for root. */
    @Override
    public Optional<String> cannotGrowOnline(String fsType) {
        if (fsType.startsWith("ext") && !Capabilities.effective().contains(Capabilities.CAP_SYS_RESOURCE)) {
            return Optional.of("this process lacks CAP_SYS_RESOURCE, which " + fsType + " online resize needs");
        }
        return Optional.empty();
    }

    @Override
    public HostPorts ports() {
        return ports;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path outside() {
        return outside;
    }

    @Override
    public void createImage(Path file, long bytes) {
        try {
            Files.createFile(file);
            resizeImage(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void resizeImage(Path file, long bytes) {
        try (RandomAccessFile image = new RandomAccessFile(file.toFile(), "rw")) {
            image.setLength(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MBR: one Linux (0x83) partition from sector 2048 to the end, and the 0x55AA boot signature. */
    @Override
    public void writePartitionTable(Path file) {
        try (FileChannel image = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long sectors = image.size() / 512;
            ByteBuffer entry = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            entry.put((byte) 0).put(new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff}).put((byte) 0x83)
                    .put(new byte[] {(byte) 0xfe, (byte) 0xff, (byte) 0xff}).putInt(2048)
                    .putInt((int) (sectors - 2048));
            image.write(entry.flip(), 446);
            image.write(ByteBuffer.wrap(new byte[] {0x55, (byte) 0xaa}), 510);
            image.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeFile(Path file, int bytes) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer data = ByteBuffer.allocate(bytes);
            for (int i = 0; i < bytes; i++) {
                data.put((byte) (i * 31 + 7));
            }
            out.write(data.flip());
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeStart(Path path, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(bytes), 0);
            out.force(true);
        }
    }

    @Override
    public byte[] readStart(Path path, int length) {
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            in.read(buffer, 0);
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public AutoCloseable holdOpen(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public java.util.Optional<Long> groupOf(Path dir) {
        try {
            return java.util.Optional.of(((Integer) java.nio.file.Files.getAttribute(dir, "unix:gid")).longValue());
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        List<String> leftovers = RawHost.forceCleanUnder(List.of(root, outside));
        if (!RawHost.mountsUnder(List.of(root, outside)).isEmpty()) {
            throw new IllegalStateException("mounts remain under " + root + " or " + outside
                    + "; not deleting them: " + leftovers);
        }
        deleteTree(root);
        deleteTree(outside);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
