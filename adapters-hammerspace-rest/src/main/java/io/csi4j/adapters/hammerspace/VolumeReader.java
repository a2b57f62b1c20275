package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads volumes back: by id (the Anvil decides whether it exists; the catalog adds name and parameters), by CO
 * name (the catalog names the id, the Anvil confirms it), and all of them for ListVolumes — the shares made as
 * volumes by this driver or the original one, and the entries of the backing shares, never the cluster's storage
 * volumes. A share that is a backing share, the catalog, REMOVED, or kept only for its snapshots is not a volume.
 */
final class VolumeReader {

    private final Context ctx;
    private final VolumeView view;

    VolumeReader(Context ctx, VolumeView view) {
        this.ctx = ctx;
        this.view = view;
    }

    /** A volume and the kind it turned out to be. */
    record Found(Volume volume, Optional<Kind> kind, VolumeHandle handle, Optional<VolumeRecord> record,
            Optional<Model.Share> share) {}

    Either<Failure, Volume> get(VolumeId id) {
        return find(id).map(Found::volume);
    }

    Either<Failure, Found> find(VolumeId id) {
        Optional<VolumeHandle> h = VolumeHandle.of(ctx.name(), id);
        if (h.isEmpty()) {
            return Either.left(notFound(id.value()));
        }
        return find(h.get());
    }

    Either<Failure, Found> find(VolumeHandle h) {
        return ctx.catalog().volumeById(h.value()).flatMap(record -> h.isShare() ? share(h, record) : entry(h, record));
    }

    private Either<Failure, Found> share(VolumeHandle h, Optional<VolumeRecord> record) {
        return ctx.api().share(h.share()).flatMap(s -> {
            if (s.isEmpty() || !s.get().isReady() || !isVolume(s.get(), record)) {
                return Either.left(notFound(h.value()));
            }
            long capacity = s.get().sizeLimit().orElse(0);
            return view.build(h, Optional.of(Kind.SHARE), capacity, record)
                    .map(v -> new Found(v, Optional.of(Kind.SHARE), h, record, s));
        });
    }

    private static boolean isVolume(Model.Share s, Optional<VolumeRecord> record) {
        return Markers.isVolumeShare(s.extendedInfo()) || (record.isPresent()
                && !s.extendedInfo().containsKey(Markers.RETIRED) && !s.extendedInfo().containsKey(Markers.ROLE));
    }

    private Either<Failure, Found> entry(VolumeHandle h, Optional<VolumeRecord> record) {
        return ctx.api().file(h.path()).flatMap(e -> {
            if (e.isEmpty()) {
                return Either.left(notFound(h.value()));
            }
            Optional<Kind> kind = e.get().directory() ? Optional.of(Kind.DIRECTORY)
                    : record.map(VolumeRecord::kind).filter(Kind::isFile);
            long capacity = e.get().directory() ? record.map(VolumeRecord::sizeBytes).orElse(0L) : e.get().size();
            return view.build(h, kind, capacity, record).map(v -> new Found(v, kind, h, record, Optional.empty()));
        });
    }

    /** The volume recorded under this CO name, if it still exists. */
    Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        return ctx.catalog().volume(name.value()).flatMap(r -> {
            if (r.isEmpty()) {
                return Either.right(Optional.empty());
            }
            Optional<VolumeHandle> h = VolumeHandle.parse(r.get().id());
            if (h.isEmpty()) {
                return Either.right(Optional.empty());
            }
            Either<Failure, Found> found = find(h.get());
            if (found.isLeft()) {
                return found.getLeft() instanceof Failure.NotFound ? Either.right(Optional.empty())
                        : Either.left(found.getLeft());
            }
            return Either.right(Optional.of(found.get().volume()));
        });
    }

    /** Every volume, sorted by id; the token is the last id of the page (so a deletion never invalidates it). */
    Either<Failure, Page<Volume>> list(PageRequest request) {
        Either<Failure, Optional<String>> after = PageTokens.decode(request.startingToken(),
                id -> VolumeHandle.parse(id).isPresent(), "volume");
        if (after.isLeft()) {
            return Either.left(after.getLeft());
        }
        return ids().flatMap(all -> {
            List<String> rest = after.get().map(a -> List.copyOf(all.tailSet(a, false))).orElse(List.copyOf(all));
            int limit = request.limitOr(Integer.MAX_VALUE);
            List<Volume> page = new ArrayList<>();
            String last = "";
            int i = 0;
            for (; i < rest.size() && page.size() < limit; i++) {
                last = rest.get(i);
                Either<Failure, Found> f = find(VolumeHandle.parse(last).orElseThrow());
                if (f.isRight()) {
                    page.add(f.get().volume());
                } else if (!(f.getLeft() instanceof Failure.NotFound)) {
                    return Either.left(f.getLeft());
                }
            }
            String next = i < rest.size() ? PageTokens.encode(last) : "";
            return Either.right(new Page<>(page, next));
        });
    }

    private Either<Failure, TreeSet<String>> ids() {
        return ctx.api().shares().flatMap(shares -> {
            TreeSet<String> ids = new TreeSet<>();
            List<String> backing = new ArrayList<>();
            for (Model.Share s : shares) {
                if (!s.isReady() || VolumeHandle.parse("/" + s.name()).isEmpty()) {
                    continue;
                }
                if (Markers.hasRole(s.extendedInfo(), Markers.Role.BACKING)) {
                    backing.add(s.name());
                } else if (Markers.isVolumeShare(s.extendedInfo())) {
                    ids.add("/" + s.name());
                }
            }
            for (String b : backing) {
                Either<Failure, Optional<Model.FileEntry>> dir = ctx.api().file("/" + b);
                if (dir.isLeft()) {
                    return Either.left(dir.getLeft());
                }
                dir.get().ifPresent(d -> d.children().forEach(c -> VolumeHandle.parse("/" + b + "/" + c.name())
                        .ifPresent(h -> ids.add(h.value()))));
            }
            return Either.right(ids);
        });
    }

    static Failure notFound(String id) {
        return Failure.notFound("volume " + id + " does not exist");
    }
}
