package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides from the mount table whether {@code target} already shows {@code source}: true when it does with the
 * same read-only flag (a repeat of a successful call, CSI §1.2), false when nothing is mounted there, and
 * AlreadyExists when something else — or the same data with another read-only flag — is.
 */
final class Staged {

    private Staged() {}

    static Either<Failure, Boolean> check(NodeHost host, Path target, Path source, boolean readOnly) {
        return host.mountTable().mounts().flatMap(table -> {
            Optional<MountPoint> there = MountIdentity.at(table, target);
            if (there.isEmpty()) {
                return Either.right(false);
            }
            Optional<MountIdentity> wanted = MountIdentity.ofPath(table, source);
            if (wanted.isEmpty() || !wanted.get().equals(MountIdentity.of(there.get()))) {
                return Either.left(Failure.alreadyExists(target + " already has another volume mounted"));
            }
            if (there.get().isReadOnly() != readOnly) {
                return Either.left(Failure.alreadyExists(target + " is already mounted "
                        + (readOnly ? "read-write" : "read-only")));
            }
            return Either.right(true);
        });
    }
}
