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

    /** Attaches {@code file} read-write; idempotent, as {@link #attach(Path, boolean)}. */
    default Either<Failure, Path> attach(Path file) {
        return attach(file, false);
    }

    /**
     * Attaches {@code file}, read-only when asked (the kernel then refuses writes through the device; a read-only
     * bind of a device node does not); idempotent: returns the device already backed by it, or AlreadyExists when
     * that device's read-only flag is the other one.
     */
    Either<Failure, Path> attach(Path file, boolean readOnly);

    /**
     * A read-only view of the block device {@code blockDevice} (a read-only bind of a device node still passes
     * writes): the device itself when it already refuses writes, else a read-only loop device backed by it, one
     * shared by every caller (idempotent); NotFound when there is no block device there, InvalidArgument for a
     * path outside {@code /dev}.
     */
    Either<Failure, Path> attachReadOnlyView(Path blockDevice);

    /**
     * The read-only loop devices backed by {@code blockDevice} (matched by device number), lowest first; empty when
     * there are none or when it is not a device node under {@code /dev} (other paths are never touched).
     */
    Either<Failure, List<Path>> views(Path blockDevice);

    /** Makes the device pick up a grown backing file's (or backing device's) new size. */
    Either<Failure, Done> refreshCapacity(Path device);

    /** Detaches the device; Done when it is not attached (or does not exist). */
    Either<Failure, Done> detach(Path device);
}
