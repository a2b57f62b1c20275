package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps caller paths inside the allowed roots. {@link #lexical} checks the text (absolute, normalised, no NUL,
 * under a root); {@link #resolve} walks the path from its root one component at a time, following symlinks
 * only while they stay inside a root. The walk never stats a mount point (it knows them from the mount
 * table), so it does not hang on a dead NFS mount it only passes through or ends at.
 */
final class PathGuard {

    private static final int MAX_SYMLINKS = 40;
    private static final String NOT_A_DIRECTORY = "Not a directory";

    private final List<Root> roots;
    private final Supplier<Either<Failure, Set<Path>>> mountTargets;

    /** A configured root and the real directory it names (they differ when the root is a symlink). */
    record Root(Path configured, Path real) {}

    PathGuard(List<Root> roots, Supplier<Either<Failure, Set<Path>>> mountTargets) {
        this.roots = List.copyOf(roots);
        this.mountTargets = mountTargets;
    }

    /** Checks the text of a caller path; InvalidArgument names {@code field} and the rule broken. */
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
            return invalid(field, "must be normalised (no '.', '..', '//' or trailing '/'): " + raw);
        }
        if (rootOf(path).isEmpty()) {
            return invalid(field, "is outside the allowed roots: " + raw);
        }
        return Either.right(path);
    }

    Either<Failure, Path> lexical(String field, Path path) {
        return path == null ? invalid(field, "must not be empty") : lexical(field, path.toString());
    }

    /**
     * The canonical form of a lexically checked path: symlinks resolved, each step checked to stay in a root.
     * A missing tail is appended as is. With {@code followLast} false a symlink as last component is kept.
     */
    Either<Failure, Path> resolve(String field, Path path, boolean followLast) {
        return mountTargets.get().flatMap(targets -> walk(field, path, followLast, targets));
    }

    /** {@code path} with a configured (symlinked) root prefix replaced by the real root; no file access. */
    static Path realRootPrefix(List<Root> roots, Path path) {
        for (Root root : roots) {
            if (!root.configured().equals(root.real()) && path.startsWith(root.configured())) {
                return root.real().resolve(root.configured().relativize(path));
            }
        }
        return path;
    }

    /** True when {@code path} is one of the allowed roots (configured or real). */
    boolean isRoot(Path path) {
        return roots.stream().anyMatch(r -> r.configured().equals(path) || r.real().equals(path));
    }

    private Either<Failure, Path> walk(String field, Path path, boolean followLast, Set<Path> targets) {
        Root root = rootOf(path).orElseThrow();
        Deque<String> pending = names(anchor(root, path).relativize(path));
        Path current = root.real();
        int hops = 0;
        while (!pending.isEmpty()) {
            Path candidate = current.resolve(pending.pop());
            if (targets.contains(candidate)) {
                current = candidate;
                continue;
            }
            Optional<BasicFileAttributes> attributes;
            try {
                attributes = lstat(candidate);
            } catch (IOException e) {
                return Either.left(Failure.unavailable("cannot inspect " + candidate + ": " + e.getMessage()));
            }
            if (attributes.isEmpty()) {
                return Either.right(appendAll(candidate, pending));
            }
            if (!attributes.get().isSymbolicLink() || (pending.isEmpty() && !followLast)) {
                current = candidate;
                continue;
            }
            if (++hops > MAX_SYMLINKS) {
                return invalid(field, "has too many levels of symbolic links: " + path);
            }
            Either<Failure, Path> next = followLink(field, path, current, candidate);
            if (next.isLeft()) {
                return next;
            }
            Root nextRoot = rootOf(next.get()).orElseThrow();
            Deque<String> rest = names(anchor(nextRoot, next.get()).relativize(next.get()));
            rest.addAll(pending);
            pending = rest;
            current = nextRoot.real();
        }
        return Either.right(current);
    }

    private Either<Failure, Path> followLink(String field, Path original, Path directory, Path link) {
        try {
            Path target = directory.resolve(Files.readSymbolicLink(link)).normalize();
            return rootOf(target).isPresent() ? Either.right(target)
                    : invalid(field, "leaves the allowed roots through the symbolic link " + link + ": " + original);
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot read the symbolic link " + link + ": " + e.getMessage()));
        }
    }

    private Optional<Root> rootOf(Path path) {
        return roots.stream().filter(r -> path.startsWith(r.real()) || path.startsWith(r.configured())).findFirst();
    }

    private static Path anchor(Root root, Path path) {
        return path.startsWith(root.real()) ? root.real() : root.configured();
    }

    private static Optional<BasicFileAttributes> lstat(Path path) throws IOException {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            // A regular file where a directory is expected: nothing can exist below it.
            if (NOT_A_DIRECTORY.equals(e.getReason())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Deque<String> names(Path relative) {
        Deque<String> names = new ArrayDeque<>();
        if (!relative.toString().isEmpty()) {
            relative.forEach(name -> names.add(name.toString()));
        }
        return names;
    }

    private static Path appendAll(Path base, Deque<String> names) {
        Path result = base;
        for (String name : names) {
            result = result.resolve(name);
        }
        return result;
    }

    private static <T> Either<Failure, T> invalid(String field, String rule) {
        return Either.left(Failure.invalidArgument(field + " " + rule));
    }
}
