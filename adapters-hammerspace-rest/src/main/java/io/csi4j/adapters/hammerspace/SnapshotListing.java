package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * ListSnapshots: the snapshots the catalog recorded, in id order, each confirmed on the Anvil (one listing call per
 * share or file, however many of its snapshots are on the page), so a snapshot deleted behind the driver's back is
 * not listed. Snapshots made outside this driver are found by id (GetSnapshot, ListSnapshots with a snapshot id),
 * not by this listing.
 */
final class SnapshotListing {

    private final Context ctx;
    private final Function<SnapshotRecord, Snapshot> view;

    SnapshotListing(Context ctx, Function<SnapshotRecord, Snapshot> view) {
        this.ctx = ctx;
        this.view = view;
    }

    Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request) {
        Either<Failure, Optional<String>> after = PageTokens.decode(request.startingToken(),
                id -> SnapshotHandle.parse(id).isPresent(), "snapshot");
        if (after.isLeft()) {
            return Either.left(after.getLeft());
        }
        return ctx.catalog().snapshots().flatMap(records -> {
            List<SnapshotRecord> sorted = records.stream()
                    .filter(r -> source.map(s -> s.value().equals(r.sourceVolumeId())).orElse(true))
                    .filter(r -> after.get().map(a -> r.id().compareTo(a) > 0).orElse(true))
                    .sorted(Comparator.comparing(SnapshotRecord::id)).toList();
            int limit = request.limitOr(Integer.MAX_VALUE);
            List<Snapshot> page = new ArrayList<>();
            Existing existing = new Existing();
            int i = 0;
            String last = "";
            for (; i < sorted.size() && page.size() < limit; i++) {
                SnapshotRecord r = sorted.get(i);
                last = r.id();
                Either<Failure, Boolean> live = existing.check(r);
                if (live.isLeft()) {
                    return Either.left(live.getLeft());
                }
                if (live.get()) {
                    page.add(view.apply(r));
                }
            }
            return Either.right(new Page<>(page, i < sorted.size() ? PageTokens.encode(last) : ""));
        });
    }

    /** Whether recorded snapshots still exist, asking once per share or file. */
    private final class Existing {
        private final Map<String, Set<String>> byContainer = new HashMap<>();

        Either<Failure, Boolean> check(SnapshotRecord r) {
            Optional<SnapshotHandle> h = SnapshotHandle.parse(r.id());
            if (h.isEmpty()) {
                return Either.right(false);
            }
            boolean file = h.get().form() == SnapshotHandle.Form.FILE;
            String key = file ? h.get().source().path() : "/" + h.get().source().share();
            if (!byContainer.containsKey(key)) {
                Either<Failure, Set<String>> names = file
                        ? ctx.api().fileSnapshots(key).map(l -> Set.copyOf(l.stream().map(Model.FileSnapshot::time).toList()))
                        : ctx.api().shareSnapshots(h.get().source().share()).map(l -> Set.copyOf(l.orElse(List.of())));
                if (names.isLeft()) {
                    return Either.left(names.getLeft());
                }
                byContainer.put(key, names.get());
            }
            return Either.right(byContainer.get(key).contains(h.get().snapshot()));
        }
    }
}
