package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;

/**
 * Mounting and unmounting. Every target must lie inside the configured allowed roots (InvalidArgument
 * otherwise, and nothing is done). Callers decide idempotency from {@link MountTable}; these methods do what
 * they are told, each bounded by a timeout (Timeout when it expires; the helper process is killed).
 */
public interface Mounter {

    /**
     * Mounts {@code source} of type {@code fsType} on the existing directory or file {@code target} with
     * {@code options} (which may be sensitive: never logged or put in messages).
     */
    Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options);

    /**
     * Mounts like {@link #mount} with credentials that must never be on a command line (SMB): they are written as
     * {@code key=value} lines to a file readable only by this process's user, in a private directory, passed as
     * {@code credentials=<file>}, and the file is removed once mount(8) returns, whether it succeeded or not. The
     * values are never logged or put in messages; a value holding a line break is InvalidArgument.
     */
    Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options, Secrets credentials);

    /** Bind-mounts {@code source} onto {@code target}; read-only binds are remounted read-only at once. */
    Either<Failure, Done> bind(Path source, Path target, boolean readOnly);

    /** Makes an existing mount at {@code target} read-only. */
    Either<Failure, Done> remountReadOnly(Path target);

    /**
     * Unmounts the topmost mount at {@code target}; Done when nothing is mounted there. {@link Unmount#FORCE}
     * and {@link Unmount#LAZY} are last resorts for a dead server: the caller escalates.
     */
    Either<Failure, Done> unmount(Path target, Unmount mode);

    /** How hard to try. */
    enum Unmount {
        NORMAL,
        FORCE,
        LAZY
    }
}
