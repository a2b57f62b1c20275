package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Writes a small record of what staging set up into {@code dir} (durably, replacing an earlier one), so that
     * unstaging can undo it after a restart even when the mount is already gone. Written before anything is
     * mounted on {@code dir}.
     */
    Either<Failure, Done> writeRecord(Path dir, Map<String, String> record);

    /** The record in {@code dir}; empty when there is none (or it is hidden under a mount). */
    Either<Failure, Optional<Map<String, String>>> readRecord(Path dir);

    /** Removes the record from {@code dir}; Done when absent. */
    Either<Failure, Done> removeRecord(Path dir);

    /** Lets group {@code gid} read and write in {@code dir}: group owner, group rwx, and setgid for new files. */
    Either<Failure, Done> shareWithGroup(Path dir, long gid);

    /** What a path is. */
    enum Kind {
        ABSENT,
        DIRECTORY,
        FILE,
        BLOCK_DEVICE,
        OTHER
    }
}
