package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.ports.in.ListSnapshotsUseCase;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * CSI ListSnapshots (§3.13): all snapshots, or only one id, or only one volume's; an unknown id or volume gives
 * an empty page, not an error.
 */
public final class ListSnapshotsService implements ListSnapshotsUseCase {

    private final Backends backends;

    public ListSnapshotsService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, Page<Snapshot>> listSnapshots(Optional<String> snapshotId, Optional<String> sourceVolumeId,
            PageRequest request) {
        if (snapshotId.isPresent()) {
            return Either.right(Page.last(one(snapshotId.get(), sourceVolumeId)));
        }
        if (sourceVolumeId.isPresent()) {
            var routed = backends.volume("source_volume_id", sourceVolumeId.get());
            if (routed.isLeft() || routed.get().backend().snapshots().isEmpty()) {
                return Either.right(Page.last(List.of()));
            }
            var r = routed.get();
            return BackendPager.page(List.of(r.backend()), request,
                    (b, page) -> b.snapshots().get().list(Optional.of(r.id()), page));
        }
        List<VolumeBackend> withSnapshots = backends.all().stream().filter(b -> b.snapshots().isPresent()).toList();
        return BackendPager.page(withSnapshots, request, (b, page) -> b.snapshots().get().list(Optional.empty(), page));
    }

    private List<Snapshot> one(String snapshotId, Optional<String> sourceVolumeId) {
        var found = backends.snapshot("snapshot_id", snapshotId).flatMap(r -> r.snapshots().get(r.id()));
        if (found.isLeft()) {
            return List.of();
        }
        Snapshot s = found.get();
        boolean sourceMatches = sourceVolumeId.map(v -> v.equals(s.sourceVolumeId().value())).orElse(true);
        return sourceMatches ? List.of(s) : List.of();
    }
}
