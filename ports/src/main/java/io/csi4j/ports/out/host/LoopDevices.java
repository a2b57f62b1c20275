package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loop devices backed by image files, decided from the kernel's list (sysfs), not from memory. */
public interface LoopDevices {

    /** Every loop device that has a backing file. */
    Either<Failure, List<LoopDevice>> list();

    /** The device backed by {@code file}, if any (the file is compared by its real path). */
    Either<Failure, Optional<Path>> find(Path file);

    /** Attaches {@code file}; idempotent: returns the device already backed by it, if there is one. */
    Either<Failure, Path> attach(Path file);

    /** Makes the device pick up a grown backing file's new size. */
    Either<Failure, Done> refreshCapacity(Path device);

    /** Detaches the device; Done when it is not attached (or does not exist). */
    Either<Failure, Done> detach(Path device);
}
