package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Filesystems on block devices: probe, format a blank device, check, grow online. */
public interface Filesystems {

    /** The filesystem types this host can make and grow (e.g. {@code ext4}, {@code xfs}). */
    Set<String> supported();

    /**
     * What the device holds: the filesystem type, or empty when it is blank. A device holding something that
     * is not a filesystem (a partition table, LVM, ...) is reported as that signature's type, never as blank.
     */
    Either<Failure, Optional<String>> probe(Path device);

    /**
     * Creates a filesystem of {@code fsType} on a blank device. FailedPrecondition, with nothing written, when
     * the device is not blank; InvalidArgument for an unsupported type.
     */
    Either<Failure, Done> format(Path device, String fsType);

    /** Checks (and where safe repairs) an unmounted filesystem before mounting; FailedPrecondition when broken. */
    Either<Failure, Done> check(Path device, String fsType);

    /** Grows the filesystem mounted at {@code mountPoint} from {@code device} to fill the device, online. */
    Either<Failure, Done> grow(Path device, Path mountPoint, String fsType);
}
