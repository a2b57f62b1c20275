package io.csi4j.adapters.grpc.server;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The unix socket's path on disk (CSI §7.1, §7.2): its parent is created when missing, and whatever a previous
 * run left at the path is removed before binding — but never a directory, which is a configuration error.
 */
final class SocketFile {

    private SocketFile() {}

    /** @return whether a stale file was removed */
    static Either<Failure, Boolean> prepare(Path socket) {
        try {
            Files.createDirectories(socket.getParent());
            if (Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
                return Either.left(Failure.precondition("cannot serve unix://" + socket + ": it is a directory"));
            }
            return Either.right(Files.deleteIfExists(socket));
        } catch (IOException e) {
            return Either.left(Failure.precondition("cannot prepare unix://" + socket + ": " + e));
        }
    }

    /** At shutdown; Netty normally unlinks the socket itself when the listener closes, so this is a backstop. */
    static Either<Failure, Boolean> remove(Path socket) {
        try {
            return Either.right(Files.deleteIfExists(socket));
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot remove unix://" + socket + ": " + e));
        }
    }
}
