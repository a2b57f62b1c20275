package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.HostFixture;
import io.csi4j.ports.out.host.HostPorts;
import java.nio.file.Path;
import java.util.List;

/** The host contract fixture over a {@link FakeHost} with one allowed root. */
public final class FakeHostFixture implements HostFixture {

    private static final Path ROOT = Path.of("/var/lib/kubelet");
    private static final Path OUTSIDE = Path.of("/srv/outside");

    private final FakeHost host = new FakeHost(List.of(ROOT));

    public FakeHostFixture() {
        host.mkdirs(OUTSIDE);
    }

    @Override
    public HostPorts ports() {
        return host.ports();
    }

    @Override
    public Path root() {
        return ROOT;
    }

    @Override
    public Path outside() {
        return OUTSIDE;
    }

    @Override
    public void createImage(Path file, long bytes) {
        host.createImage(file, bytes);
    }

    @Override
    public void resizeImage(Path file, long bytes) {
        host.resizeImage(file, bytes);
    }

    @Override
    public void writePartitionTable(Path file) {
        host.writePartitionTable(file);
    }

    @Override
    public void writeFile(Path file, int bytes) {
        host.writeFile(file, bytes);
    }

    @Override
    public void writeStart(Path path, byte[] bytes) throws java.io.IOException {
        host.writeStart(path, bytes);
    }

    @Override
    public byte[] readStart(Path path, int length) {
        return host.readStart(path, length);
    }

    @Override
    public void symlink(Path link, Path target) {
        host.symlink(link, target);
    }

    @Override
    public boolean exists(Path path) {
        return host.exists(path);
    }

    @Override
    public AutoCloseable holdOpen(Path file) {
        return host.holdOpen(file);
    }

    @Override
    public java.util.Optional<Long> groupOf(Path dir) {
        return host.groupOf(dir);
    }

    @Override
    public void close() {
        // Nothing outlives the in-memory host.
    }
}
