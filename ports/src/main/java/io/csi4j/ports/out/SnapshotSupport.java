package io.csi4j.ports.out;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.util.Optional;

/** Point-in-time snapshots of a backend's volumes. Same concurrency and real-state rules as the backend. */
public interface SnapshotSupport {

    /** Checks snapshot parameters: unknown keys and bad values are InvalidArgument. Pure; no I/O. */
    Either<Failure, Parameters> validate(Parameters parameters);

    /** The snapshot cut under this request name, if any; never creates. */
    Either<Failure, Optional<Snapshot>> findByName(SnapshotName name);

    /**
     * Cuts a snapshot of the source volume, or completes one a crashed attempt left half-made under the same
     * name; idempotent by name. Returns once the image is cut. A missing source is NotFound.
     */
    Either<Failure, Snapshot> create(SnapshotName name, VolumeId source, Parameters parameters, Secrets secrets);

    /** The snapshot with this id; NotFound when absent or when the handle is not one this backend issues. */
    Either<Failure, Snapshot> get(SnapshotId id);

    /** Deletes the snapshot; Done when already absent; FailedPrecondition when a volume still depends on it. */
    Either<Failure, Done> delete(SnapshotId id, Secrets secrets);

    /** Snapshots in a stable order, optionally of one source volume; InvalidToken for a foreign token. */
    Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request);

    /** Recognises a snapshot id written by the driver this backend replaces; empty when it is not one. */
    default Optional<SnapshotId> recogniseForeignId(String raw) {
        return Optional.empty();
    }
}
