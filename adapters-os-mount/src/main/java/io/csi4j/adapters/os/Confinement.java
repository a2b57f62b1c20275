package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Path checks and file-system calls on caller paths, each bounded by the stat timeout: the text is checked
 * at once, the walk and every file operation run through {@link BlockingCalls}.
 */
final class Confinement {

    private final PathGuard guard;
    private final BlockingCalls calls;
    private final Duration timeout;

    Confinement(PathGuard guard, BlockingCalls calls, Duration timeout) {
        this.guard = guard;
        this.calls = calls;
        this.timeout = timeout;
    }

    /** The canonical form of a caller path inside the roots (see {@link PathGuard#resolve}). */
    Either<Failure, Path> canonical(String field, Path path, boolean followLast) {
        return guard.lexical(field, path).flatMap(lexical ->
                calls.call("inspect " + field, timeout, () -> guard.resolve(field, lexical, followLast)));
    }

    /** Runs a file-system call that may block on a dead mount. */
    <T> Either<Failure, T> bounded(String what, Supplier<Either<Failure, T>> call) {
        return calls.call(what, timeout, call);
    }

    PathGuard guard() {
        return guard;
    }
}
