package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * How the controller reaches the files inside a share: the work the REST API cannot do (create a sparse file, grow
 * it, make or remove a directory, copy a snapshot's tree, keep the catalog) happens on a local directory where the
 * share's root is visible. In production the share is NFS-mounted on demand ({@link NfsShareMounts}); a
 * deployment that already has the namespace mounted (or a test against the simulator's tree) uses
 * {@link MountedNamespace}.
 */
public interface ShareAccess {

    /** The local directory showing the root of {@code share} (served at {@code location}); mounts it if needed. */
    Either<Failure, Path> open(ShareLocation location);

    /** Where a share is served: the NFS server and export path a mount uses, and mount options. */
    record ShareLocation(String share, String server, String export, java.util.List<String> options) {
        public ShareLocation {
            options = java.util.List.copyOf(options);
        }
    }
}
