package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * What a network share's mount point shows now, from the mount table: nothing yet, the share with the wanted
 * read-only flag (a repeat of a successful stage, CSI §4.2), or something else — another share, or this one with
 * the other read-only flag — which is AlreadyExists.
 */
final class SharedMount {

    /** The two answers that let staging go on. */
    enum State {
        ABSENT,
        THERE
    }

    private SharedMount() {}

    static Either<Failure, State> state(NodeHost host, Path target, Predicate<MountPoint> isTheShare, boolean readOnly) {
        return host.mountTable().at(target).flatMap(m -> {
            if (m.isEmpty()) {
                return Either.right(State.ABSENT);
            }
            if (!isTheShare.test(m.get())) {
                return Either.left(Failure.alreadyExists(target + " already has another volume mounted"));
            }
            if (m.get().isReadOnly() != readOnly) {
                return Either.left(Failure.alreadyExists(target + " is already mounted "
                        + (readOnly ? "read-write" : "read-only")));
            }
            return Either.right(State.THERE);
        });
    }
}
