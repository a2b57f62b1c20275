package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.snapshot.Snapshot;
import io.vavr.control.Either;

/** One snapshot's current state; NotFound when absent (CSI GetSnapshot). */
@FunctionalInterface
public interface GetSnapshotUseCase {
    Either<Failure, Snapshot> getSnapshot(String snapshotId);
}
