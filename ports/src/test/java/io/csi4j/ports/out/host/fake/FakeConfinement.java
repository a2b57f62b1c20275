package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.fake.FakeKernel.Location;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;

/** The allowed-roots rules of the host ports, over the fake kernel: text checks, then a symlink-checked walk. */
final class FakeConfinement {

    private final FakeKernel kernel;
    private final List<Path> roots;

    FakeConfinement(FakeKernel kernel, List<Path> roots) {
        this.kernel = kernel;
        this.roots = List.copyOf(roots);
    }

    Either<Failure, Path> lexical(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return invalid(field, "must not be empty");
        }
        if (raw.indexOf('\0') >= 0) {
            return invalid(field, "must not contain NUL");
        }
        Path path = Path.of(raw);
        if (!path.isAbsolute()) {
            return invalid(field, "must be an absolute path: " + raw);
        }
        if (!path.normalize().toString().equals(raw)) {
            return invalid(field, "must be normalised: " + raw);
        }
        return inside(path) ? Either.right(path) : invalid(field, "is outside the allowed roots: " + raw);
    }

    /** Checks {@code path} and resolves it; every symlink on the way must stay inside the roots. */
    Either<Failure, Location> locate(String field, Path path, boolean followLast) {
        return lexical(field, path == null ? null : path.toString())
                .flatMap(p -> kernel.resolve(p, followLast, this::inside).mapLeft(f ->
                        f instanceof Failure.InvalidArgument ? Failure.invalidArgument(field + " " + f.message()) : f));
    }

    boolean isRoot(Path path) {
        return roots.contains(path);
    }

    List<Path> roots() {
        return roots;
    }

    private boolean inside(Path path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private static <T> Either<Failure, T> invalid(String field, String rule) {
        return Either.left(Failure.invalidArgument(field + " " + rule));
    }
}
