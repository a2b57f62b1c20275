package io.csi4j.ports.service;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.in.DeleteSnapshotUseCase;
import io.vavr.control.Either;

/** CSI DeleteSnapshot (§3.12): an id no backend owns is success; a snapshot in use is FailedPrecondition. */
public final class DeleteSnapshotService implements DeleteSnapshotUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public DeleteSnapshotService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Done> deleteSnapshot(String snapshotId, Secrets secrets) {
        return inFlight.exclusively(InFlight.snapshot(snapshotId), () -> backends.snapshot("snapshot_id", snapshotId)
                .fold(unknown -> Either.right(Done.DONE), r -> r.snapshots().delete(r.id(), secrets)));
    }
}
