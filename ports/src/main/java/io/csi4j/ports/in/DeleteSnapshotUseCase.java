package io.csi4j.ports.in;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;

/** Deletes a snapshot; success when it does not exist (CSI DeleteSnapshot). */
@FunctionalInterface
public interface DeleteSnapshotUseCase {
    Either<Failure, Done> deleteSnapshot(String snapshotId, Secrets secrets);
}
