package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.Mounter.Unmount;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * Takes everything off a path, however stuck: a normal unmount first, then forced (a dead NFS server), then lazy
 * as the last resort, so a pod is never left Terminating because its mount cannot go. Repeats while mounts are
 * stacked on the path (bounded).
 */
final class Unmounting {

    private static final int MAX_STACKED = 8;

    private Unmounting() {}

    static Either<Failure, Done> clear(NodeHost host, Path path) {
        for (int i = 0; i < MAX_STACKED; i++) {
            var mounted = host.mountTable().at(path);
            if (mounted.isLeft()) {
                return Either.left(mounted.getLeft());
            }
            if (mounted.get().isEmpty()) {
                return Either.right(Done.DONE);
            }
            var done = host.mounter().unmount(path, Unmount.NORMAL)
                    .orElse(() -> host.mounter().unmount(path, Unmount.FORCE))
                    .orElse(() -> host.mounter().unmount(path, Unmount.LAZY));
            if (done.isLeft()) {
                return done;
            }
        }
        return Either.left(Failure.unavailable("more than " + MAX_STACKED + " mounts are stacked on " + path));
    }
}
