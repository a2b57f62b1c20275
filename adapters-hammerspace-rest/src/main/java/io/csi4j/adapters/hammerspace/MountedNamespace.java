package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Hammerspace namespace is already visible under a local directory (mounted by the deployment, or the
 * simulator's tree in tests): share {@code /<name>} is {@code <root>/<name>}. Nothing is mounted.
 */
public final class MountedNamespace implements ShareAccess {

    private final Path root;

    public MountedNamespace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Either<Failure, Path> open(ShareLocation location) {
        Path p = root.resolve(location.share());
        if (!p.normalize().startsWith(root) || !Files.isDirectory(p)) {
            return Either.left(Failure.unavailable("share " + location.share() + " is not visible under " + root));
        }
        return Either.right(p);
    }
}
