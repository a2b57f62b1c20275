package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The mount table as the kernel reports it now; read afresh on every call, never cached. */
public interface MountTable {

    /** Every mount visible to this process, in table order. */
    Either<Failure, List<MountPoint>> mounts();

    /** The topmost mount whose target is exactly {@code target} (after normalisation); empty when none. */
    Either<Failure, Optional<MountPoint>> at(Path target);
}
