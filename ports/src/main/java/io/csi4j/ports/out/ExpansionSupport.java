package io.csi4j.ports.out;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;

/** Controller-side growth of volumes, online (while published). */
public interface ExpansionSupport {

    /**
     * Grows the volume to at least {@code newSizeBytes}; idempotent (a volume already that large is left as
     * it is and its size reported). NotFound when absent; OutOfRange when the backend cannot grow that far.
     *
     * @param block whether the volume is used as a raw block device (then no filesystem needs growing)
     */
    Either<Failure, Expansion> expand(VolumeId id, long newSizeBytes, boolean block, Secrets secrets);
}
