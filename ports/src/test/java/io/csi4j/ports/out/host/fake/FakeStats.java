package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Usage;
import io.vavr.control.Either;
import java.nio.file.Path;

/** Fake statfs: the figures of the filesystem a path resolves into; Timeout on a dead share. */
final class FakeStats implements FilesystemStats {

    private final FakeKernel kernel;
    private final FakeConfinement confinement;

    FakeStats(FakeKernel kernel, FakeConfinement confinement) {
        this.kernel = kernel;
        this.confinement = confinement;
    }

    @Override
    public Either<Failure, Usage> usage(Path path) {
        return kernel.locked(() -> confinement.locate("path", path, true).flatMap(at -> at.absent()
                ? Either.left(Failure.notFound(at.canonical() + ": No such file or directory"))
                : Either.right(at.mount().fs.usage())));
    }
}
