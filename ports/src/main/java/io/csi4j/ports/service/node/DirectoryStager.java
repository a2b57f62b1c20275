package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths;
import io.vavr.control.Either;
import java.nio.file.Path;

/** Stages a local directory volume: a bind mount of the data directory onto the staging directory. */
final class DirectoryStager implements Stager {

    private final NodeHost host;
    private final NodeSettings settings;

    DirectoryStager(NodeHost host, NodeSettings settings) {
        this.host = host;
        this.settings = settings;
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.LocalDirectory;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        if (r.capability().isBlock()) {
            return Either.left(Failure.precondition("a directory volume cannot be used as a block device"));
        }
        boolean readOnly = r.capability().accessMode().isReadOnly();
        String raw = ((DataPath.LocalDirectory) r.dataPath()).path();
        return LocalData.confine(settings.localRoots(), host.paths(), raw, HostPaths.Kind.DIRECTORY)
                .flatMap(data -> Staged.check(host, r.staging(), data, readOnly).flatMap(already -> already
                        ? Either.right(Done.DONE)
                        : host.paths().writeRecord(r.staging(), StageRecord.of(r.volumeId()).toMap())
                                .flatMap(ok -> bindOrForget(data, r, readOnly))
                                .flatMap(ok -> Groups.share(host, r.staging(), r.capability(), readOnly))));
    }

    /** A bind that failed leaves no record behind in the CO's directory (kubelet sends no NodeUnstage then). */
    private Either<Failure, Done> bindOrForget(Path data, Request r, boolean readOnly) {
        Either<Failure, Done> bound = host.mounter().bind(data, r.staging(), readOnly);
        if (bound.isLeft()) {
            host.paths().removeRecord(r.staging());
        }
        return bound;
    }
}
