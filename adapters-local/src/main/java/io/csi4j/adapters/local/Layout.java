package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The directories under the root: {@value #VOLUMES} and {@value #SNAPSHOTS}, created on first use and
 * closed to other local users (mode 0700); workloads reach the data through the node's bind mounts.
 */
final class Layout {

    static final String VOLUMES = "volumes";
    static final String SNAPSHOTS = "snapshots";

    private Layout() {}

    /** The real path of the root, with its layout in place; InvalidArgument when the root is unusable. */
    static Either<Failure, Path> prepare(BackendName name, Path configured) {
        String where = "local backend " + name + ": root " + configured;
        if (!Files.isDirectory(configured)) {
            return Either.left(Failure.invalidArgument(where + (Files.exists(configured)
                    ? " is not a directory" : " does not exist")));
        }
        if (!Files.isWritable(configured)) {
            return Either.left(Failure.invalidArgument(where + " is not writable"));
        }
        try {
            Path root = configured.toRealPath();
            boolean created = ensure(root.resolve(VOLUMES)) | ensure(root.resolve(SNAPSHOTS));
            if (created) {
                Durable.sync(root);
            }
            return Either.right(root);
        } catch (IOException e) {
            return Either.left(Failure.invalidArgument(where + " cannot hold volumes: " + e.getMessage()));
        }
    }

    /** Ready while the root and its layout are writable directories; Broken, with the reason, otherwise. */
    static Health check(Path root) {
        for (Path p : new Path[] {root, root.resolve(VOLUMES), root.resolve(SNAPSHOTS)}) {
            if (!Files.isDirectory(p)) {
                return new Health.Broken("local root directory " + p + " is missing");
            }
            if (!Files.isWritable(p)) {
                return new Health.Broken("local root directory " + p + " is not writable");
            }
        }
        return new Health.Ready("local root " + root + " is writable");
    }

    private static boolean ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return true;
    }
}
