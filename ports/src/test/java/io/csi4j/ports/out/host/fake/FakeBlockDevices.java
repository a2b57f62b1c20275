package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.BlockDevices;
import io.vavr.control.Either;
import java.nio.file.Path;

/** Fake block device facts: whatever device node a path leads to (through symlinks and binds). */
final class FakeBlockDevices implements BlockDevices {

    private final FakeKernel kernel;

    FakeBlockDevices(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Either<Failure, Long> size(Path device) {
        return kernel.locked(() -> disk(device).map(disk -> disk.size));
    }

    @Override
    public Either<Failure, String> number(Path device) {
        return kernel.locked(() -> disk(device).map(disk -> disk.majorMinor));
    }

    @Override
    public boolean isBlockDevice(Path path) {
        return kernel.locked(() -> disk(path)).isRight();
    }

    /** The disk whose node {@code path} leads to; NotFound when it leads elsewhere or nowhere. */
    static Either<Failure, FakeDisk> disk(FakeKernel kernel, Path path) {
        if (path == null || !path.isAbsolute()) {
            return Either.left(Failure.notFound(path + " is not a block device"));
        }
        return kernel.resolve(path.normalize(), true, p -> true).flatMap(at ->
                at.node() instanceof FakeNode.Device device && kernel.disks.containsValue(device.disk())
                        ? Either.right(device.disk())
                        : Either.left(Failure.notFound(path + " is not a block device")));
    }

    private Either<Failure, FakeDisk> disk(Path path) {
        return disk(kernel, path);
    }
}
