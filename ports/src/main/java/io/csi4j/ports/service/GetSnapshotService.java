package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.ports.in.GetSnapshotUseCase;
import io.vavr.control.Either;

/** CSI GetSnapshot (§3.14): the snapshot's current state, ready or not; NotFound when no backend has it. */
public final class GetSnapshotService implements GetSnapshotUseCase {

    private final Backends backends;

    public GetSnapshotService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, Snapshot> getSnapshot(String snapshotId) {
        return backends.snapshot("snapshot_id", snapshotId).flatMap(r -> r.snapshots().get(r.id()));
    }
}
