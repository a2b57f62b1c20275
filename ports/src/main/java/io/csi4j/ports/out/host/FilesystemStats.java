package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * Usage figures of the filesystem holding a path, bounded by a timeout so a dead network server cannot hang
 * the caller (Timeout then; the blocked thread is abandoned, never reused).
 */
public interface FilesystemStats {

    /** statfs of {@code path}; NotFound when the path does not exist. */
    Either<Failure, Usage> usage(Path path);
}
