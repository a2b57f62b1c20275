package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Lists snapshots, optionally only one id or only those of one source volume; unknown filters give an empty
 * page (CSI ListSnapshots).
 */
@FunctionalInterface
public interface ListSnapshotsUseCase {
    Either<Failure, Page<Snapshot>> listSnapshots(Optional<String> snapshotId, Optional<String> sourceVolumeId,
            PageRequest request);
}
