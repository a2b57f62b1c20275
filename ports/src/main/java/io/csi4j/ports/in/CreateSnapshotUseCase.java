package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;

/** Cuts a snapshot, or returns the one already cut under the same name (CSI CreateSnapshot). */
@FunctionalInterface
public interface CreateSnapshotUseCase {
    Either<Failure, Snapshot> createSnapshot(SnapshotName name, String sourceVolumeId, Parameters parameters,
            Secrets secrets);
}
