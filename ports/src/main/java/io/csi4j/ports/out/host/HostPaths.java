package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * The few file operations node plugins do on mount points, confined to the configured allowed roots (kubelet
 * directory, the driver's own roots): a path outside them, or one that resolves outside them through a
 * symlink or {@code ..}, is InvalidArgument and nothing is touched.
 */
public interface HostPaths {

    /** Checks that {@code path} is absolute, normalised and inside an allowed root; returns it normalised. */
    Either<Failure, Path> confine(String field, String path);

    /** What is at {@code path} now. */
    Either<Failure, Kind> kind(Path path);

    /** Creates the directory (and missing parents inside the root); Done when it already exists. */
    Either<Failure, Done> ensureDirectory(Path path);

    /** Creates an empty regular file (block publish target); Done when it already exists. */
    Either<Failure, Done> ensureFile(Path path);

    /** Removes an empty directory or a regular file; Done when absent; FailedPrecondition when not empty. */
    Either<Failure, Done> remove(Path path);

    /** What a path is. */
    enum Kind {
        ABSENT,
        DIRECTORY,
        FILE,
        BLOCK_DEVICE,
        OTHER
    }
}
