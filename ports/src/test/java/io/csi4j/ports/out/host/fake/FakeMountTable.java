package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.MountTable;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The fake kernel's mount table, in mount order. */
final class FakeMountTable implements MountTable {

    private final FakeKernel kernel;

    FakeMountTable(FakeKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Either<Failure, List<MountPoint>> mounts() {
        return kernel.locked(() -> Either.right(kernel.mounts.stream().map(FakeMount::toMountPoint).toList()));
    }

    @Override
    public Either<Failure, Optional<MountPoint>> at(Path target) {
        return kernel.locked(() -> Either.right(kernel.topmostAt(target.normalize()).map(FakeMount::toMountPoint)));
    }
}
