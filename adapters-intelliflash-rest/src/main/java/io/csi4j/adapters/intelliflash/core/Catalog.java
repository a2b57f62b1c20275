package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.DatasetInfo;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reading volumes: by id, by the CO's name, and all of them page by page. Names are looked for, and volumes
 * listed, in each array's default project (volumes a StorageClass put into another project are found by id and by
 * CreateVolume's own read-back). Volumes deleted while their snapshots are kept do not appear.
 */
public final class Catalog {

    private final Datasets datasets;
    private final Shape shape;

    public Catalog(Datasets datasets, Shape shape) {
        this.datasets = datasets;
        this.shape = shape;
    }

    public Either<Failure, Volume> get(VolumeId id) {
        return DatasetRef.parse(id.handle())
                .<Either<Failure, Volume>>map(ref -> datasets.visible(ref).flatMap(f -> shape.present(f, Shape.Exposed.NOTHING)))
                .orElseGet(() -> Either.left(Failure.notFound("volume " + Printable.of(id.value()) + " does not exist")));
    }

    public Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        for (Array a : datasets.arrays().all()) {
            String project = a.config().defaultProject();
            DatasetRef ref = new DatasetRef(a.name(), project, ArrayNames.of(name.value(), Creator.room(a.name(), project)));
            Either<Failure, Optional<Found>> found = datasets.find(ref);
            if (found.isLeft()) {
                return Either.left(found.getLeft());
            }
            Optional<Found> f = found.get().filter(x -> !x.hidden() && x.meta().map(m -> m.name().equals(name.value()))
                    .orElse(false));
            if (f.isPresent()) {
                return shape.present(f.get(), Shape.Exposed.NOTHING).map(Optional::of);
            }
        }
        return Either.right(Optional.empty());
    }

    public Either<Failure, Page<Volume>> list(PageRequest request) {
        Optional<DatasetRef> after = Optional.empty();
        if (!request.startingToken().isEmpty()) {
            after = DatasetRef.parse(request.startingToken()).filter(r -> datasets.arrays().named(r.configName()).isPresent());
            if (after.isEmpty()) {
                return Either.left(new Failure.InvalidToken("starting_token '" + Printable.of(request.startingToken())
                        + "' was not issued by this backend"));
            }
        }
        Optional<DatasetRef> start = after;
        return all().map(refs -> refs.stream().filter(r -> start.map(s -> r.handle().compareTo(s.handle()) > 0).orElse(true))
                .toList()).flatMap(rest -> {
                    int n = request.maxEntries() == 0 ? rest.size() : Math.min(request.maxEntries(), rest.size());
                    List<DatasetRef> page = rest.subList(0, n);
                    String next = n < rest.size() ? page.getLast().handle() : "";
                    return Parallel.map(page, this::shown).map(vs -> new Page<>(vs.stream().flatMap(Optional::stream)
                            .toList(), next));
                });
    }

    private Either<Failure, Optional<Volume>> shown(DatasetRef ref) {
        return datasets.find(ref).flatMap(f -> f.filter(x -> !x.hidden())
                .map(x -> shape.present(x, Shape.Exposed.NOTHING).map(Optional::of))
                .orElseGet(() -> Either.right(Optional.empty())));
    }

    /** Every dataset of every array's default project, in id order. */
    public Either<Failure, List<DatasetRef>> all() {
        List<DatasetRef> out = new ArrayList<>();
        for (Array a : datasets.arrays().all()) {
            String project = a.config().defaultProject();
            Either<Failure, Optional<Located>> at = datasets.locate(new DatasetRef(a.name(), project, "x"));
            if (at.isLeft()) {
                return Either.left(at.getLeft());
            }
            if (at.get().isEmpty()) {
                continue;
            }
            var listed = Rest.ok(a.api().list(datasets.kind(), at.get().get().pool(), project), "listing project " + project
                    + " on array " + a.name());
            if (listed.isLeft()) {
                return Either.left(listed.getLeft());
            }
            listed.get().stream().map(DatasetInfo::name).forEach(n -> out.add(new DatasetRef(a.name(), project, n)));
        }
        out.sort(Comparator.comparing(DatasetRef::handle));
        return Either.right(out);
    }
}
