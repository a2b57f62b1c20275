package io.csi4j.ports.out.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the host port contracts: opens a fixture per test and, even when the test failed, unmounts every
 * mount and detaches every loop device under the test's directories, then asserts that none is left.
 */
public abstract class HostContractSupport {

    protected HostFixture fixture;
    protected HostPorts host;

    /** A fresh fixture (real host or fake) for one test. */
    protected abstract HostFixture openFixture() throws Exception;

    @BeforeEach
    final void openHost() throws Exception {
        fixture = openFixture();
        host = fixture.ports();
    }

    @AfterEach
    final void cleanUpHost() {
        try {
            List<MountPoint> leftMounts = unmountAll();
            List<LoopDevice> leftLoops = detachAll();
            assertThat(leftMounts).as("mounts left under the test directories").isEmpty();
            assertThat(leftLoops).as("loop devices left for the test's images").isEmpty();
        } finally {
            fixture.close();
        }
    }

    /** The value of a successful outcome; fails the test with the failure otherwise. */
    protected static <T> T ok(Either<Failure, T> outcome) {
        assertThat(outcome.isRight()).as("expected success but got %s", outcome).isTrue();
        return outcome.get();
    }

    /** The failure of an unsuccessful outcome; fails the test on success. */
    protected static Failure failed(Either<Failure, ?> outcome) {
        assertThat(outcome.isLeft()).as("expected a failure but got %s", outcome).isTrue();
        return outcome.getLeft();
    }

    /** A new directory under the root, created through the port. */
    protected Path directory(String name) {
        Path dir = fixture.root().resolve(name);
        ok(host.paths().ensureDirectory(dir));
        return dir;
    }

    /** A new sparse image file under the root. */
    protected Path image(String name, long bytes) {
        Path file = fixture.root().resolve(name);
        fixture.createImage(file, bytes);
        return file;
    }

    protected boolean mine(Path path) {
        return path.startsWith(fixture.root()) || path.startsWith(fixture.outside());
    }

    private List<MountPoint> unmountAll() {
        // Deepest (latest) first; lazy, because a failed test may have left a file open.
        for (int round = 0; round < 3; round++) {
            List<MountPoint> mounts = myMounts();
            for (MountPoint mount : mounts.reversed()) {
                host.mounter().unmount(mount.target(), Mounter.Unmount.LAZY);
            }
        }
        return myMounts();
    }

    private List<MountPoint> myMounts() {
        return new ArrayList<>(ok(host.mountTable().mounts()).stream().filter(m -> mine(m.target())).toList());
    }

    private List<LoopDevice> detachAll() {
        for (LoopDevice loop : myLoops().reversed()) {
            host.loopDevices().detach(loop.device());
        }
        return myLoops();
    }

    /** Loop devices backed by the test's files, then those backed by such a device (read-only views). */
    private List<LoopDevice> myLoops() {
        List<LoopDevice> all = ok(host.loopDevices().list());
        List<LoopDevice> mine = new ArrayList<>(all.stream().filter(l -> mine(l.backingFile())).toList());
        List<Path> devices = mine.stream().map(LoopDevice::device).toList();
        mine.addAll(all.stream().filter(l -> devices.contains(l.backingFile())).toList());
        return mine;
    }
}
