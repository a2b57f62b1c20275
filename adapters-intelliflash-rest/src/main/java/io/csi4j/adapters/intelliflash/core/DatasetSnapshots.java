package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.SnapshotSupport;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Snapshots of shares or volumes. Ids are {@code <configName>:<project>:<name>@<snapshot>} as in the original
 * drivers; the array stores the snapshot as {@code Manual-S-<snapshot>} / {@code Manual-V-<snapshot>}. The array
 * reports no snapshot times, so csi4j records the time (and the source's size then) in the dataset's record when it
 * cuts one; a snapshot made outside csi4j reports the epoch. Temporary snapshots of clones are never shown.
 */
public final class DatasetSnapshots implements SnapshotSupport {

    private final BackendName backend;
    private final Datasets datasets;
    private final Catalog catalog;
    private final Clock clock;

    public DatasetSnapshots(BackendName backend, Datasets datasets, Catalog catalog, Clock clock) {
        this.backend = backend;
        this.datasets = datasets;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Either<Failure, Parameters> validate(Parameters parameters) {
        var unknown = parameters.unknownKeys(java.util.Set.of());
        return unknown.isEmpty() ? Either.right(parameters)
                : Either.left(Failure.invalidArgument("IntelliFlash snapshots take no parameters: " + unknown));
    }

    @Override
    public Optional<SnapshotId> recogniseForeignId(String raw) {
        return SnapshotRef.parse(raw).filter(r -> datasets.arrays().named(r.dataset().configName()).isPresent())
                .map(r -> SnapshotId.foreign(backend, raw));
    }

    static int room(DatasetRef ref) {
        return Text.MAX_BYTES - ref.handle().length() - 1;
    }

    private String prefix() {
        return datasets.kind().snapshotPrefix;
    }

    /** An exact-name filter in the array's regex dialect (array names hold no regex characters but '.'). */
    private String exactly(String snapshot) {
        return "^" + (prefix() + snapshot).replace(".", "\\.") + "$";
    }

    @Override
    public Either<Failure, Optional<Snapshot>> findByName(SnapshotName name) {
        return catalog.all().flatMap(refs -> Parallel.map(refs, ref -> {
            String snapshot = ArrayNames.of(name.value(), room(ref));
            return datasets.locate(ref).flatMap(at -> at.isEmpty() ? Either.right(Optional.<Snapshot>empty())
                    : Rest.optional(at.get().array().api().snapshots(at.get().path(), exactly(snapshot)), "listing snapshots")
                            .flatMap(names -> names.orElse(List.of()).isEmpty() ? Either.right(Optional.<Snapshot>empty())
                                    : datasets.find(ref).map(f -> f.map(x -> present(x, snapshot)))));
        })).map(hits -> hits.stream().flatMap(Optional::stream)
                .filter(s -> s.name().map(n -> n.equals(name)).orElse(false)).findFirst());
    }

    @Override
    public Either<Failure, Snapshot> create(SnapshotName name, VolumeId source, Parameters parameters, Secrets secrets) {
        Optional<DatasetRef> ref = DatasetRef.parse(source.handle());
        if (ref.isEmpty() && LowTierRef.parse(source.handle()).isPresent()) {
            return Either.left(Failure.invalidArgument("low-tier volume " + source + " cannot have snapshots"));
        }
        if (ref.isEmpty()) {
            return Either.left(Failure.notFound("volume " + Printable.of(source.value()) + " does not exist"));
        }
        return datasets.visible(ref.get()).flatMap(f -> {
            ArrayApi api = f.at().array().api(secrets);
            String snapshot = ArrayNames.of(name.value(), room(ref.get()));
            return cut(api, f, snapshot).flatMap(names -> {
                if (f.meta().map(m -> m.snapshots().containsKey(snapshot)).orElse(false)) {
                    return Either.right(present(f, snapshot));
                }
                Metadata.SnapshotMeta taken = new Metadata.SnapshotMeta(clock.millis(), f.info().sizeBytes(),
                        snapshot.equals(name.value()) ? "" : name.value());
                Metadata meta = f.metaOrBlank().withSnapshot(snapshot, taken, names);
                return datasets.record(api, f.at(), meta, java.util.Map.of())
                        .map(done -> present(new Found(f.at(), f.info(), Optional.of(meta)), snapshot));
            });
        });
    }

    /** Makes sure the snapshot exists; returns the unprefixed names of the dataset's snapshots. */
    private Either<Failure, List<String>> cut(ArrayApi api, Found f, String snapshot) {
        return names(api, f.at()).flatMap(existing -> {
            if (existing.contains(snapshot)) {
                return Either.right(existing);
            }
            var taken = api.snapshot(f.info(), snapshot);
            if (taken.isLeft() && !taken.getLeft().exists() && !taken.getLeft().outcomeUnknown()) {
                return Either.left(taken.getLeft().toFailure("snapshotting " + f.at().ref()));
            }
            return names(api, f.at()).flatMap(after -> after.contains(snapshot) ? Either.right(after)
                    : Either.left(Failure.unavailable("the snapshot " + snapshot + " of " + f.at().ref()
                            + " did not appear")));
        });
    }

    private Either<Failure, List<String>> names(ArrayApi api, Located at) {
        return datasets.snapshotNames(api, at).map(all -> all.stream().filter(n -> n.startsWith(prefix()))
                .map(n -> n.substring(prefix().length())).toList());
    }

    @Override
    public Either<Failure, Snapshot> get(SnapshotId id) {
        Optional<SnapshotRef> ref = SnapshotRef.parse(id.handle()).filter(r -> !temporary(r.snapshot()));
        if (ref.isEmpty()) {
            return Either.left(Failure.notFound("snapshot " + Printable.of(id.value()) + " does not exist"));
        }
        return datasets.find(ref.get().dataset()).flatMap(f -> f.<Either<Failure, Snapshot>>map(x -> names(x.at().array().api(),
                        x.at()).flatMap(names -> names.contains(ref.get().snapshot())
                        ? Either.right(present(x, ref.get().snapshot()))
                        : Either.left(Failure.notFound("snapshot " + ref.get() + " does not exist"))))
                .orElseGet(() -> Either.left(Failure.notFound("snapshot " + ref.get() + " does not exist"))));
    }

    @Override
    public Either<Failure, Done> delete(SnapshotId id, Secrets secrets) {
        Optional<SnapshotRef> ref = SnapshotRef.parse(id.handle());
        if (ref.isEmpty() || datasets.arrays().named(ref.get().dataset().configName()).isEmpty()) {
            return Either.right(Done.DONE);
        }
        return datasets.releaseSnapshot(datasets.arrays().named(ref.get().dataset().configName()).get().api(secrets),
                ref.get(), 0);
    }

    @Override
    public Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request) {
        Optional<String> after = Optional.empty();
        if (!request.startingToken().isEmpty()) {
            after = SnapshotRef.parse(request.startingToken())
                    .filter(r -> datasets.arrays().named(r.dataset().configName()).isPresent()).map(SnapshotRef::handle);
            if (after.isEmpty()) {
                return Either.left(new Failure.InvalidToken("starting_token '" + Printable.of(request.startingToken())
                        + "' was not issued by this backend"));
            }
        }
        Either<Failure, List<DatasetRef>> refs = source.isEmpty() ? catalog.all()
                : Either.right(DatasetRef.parse(source.get().handle()).map(List::of).orElse(List.of()));
        Optional<String> start = after;
        return refs.flatMap(list -> Parallel.map(list, this::of)).map(all -> {
            List<Snapshot> sorted = all.stream().flatMap(List::stream)
                    .filter(s -> start.map(t -> s.id().value().compareTo(t) > 0).orElse(true))
                    .sorted(Comparator.comparing(s -> s.id().value())).toList();
            int n = request.maxEntries() == 0 ? sorted.size() : Math.min(request.maxEntries(), sorted.size());
            return new Page<>(sorted.subList(0, n), n < sorted.size() ? sorted.get(n - 1).id().value() : "");
        });
    }

    private Either<Failure, List<Snapshot>> of(DatasetRef ref) {
        return datasets.find(ref).flatMap(f -> f.<Either<Failure, List<Snapshot>>>map(x -> names(x.at().array().api(), x.at())
                        .map(names -> names.stream().filter(n -> !temporary(n)).map(n -> present(x, n)).toList()))
                .orElseGet(() -> Either.right(List.of())));
    }

    static boolean temporary(String snapshot) {
        return snapshot.startsWith(Creator.TEMP_PREFIX);
    }

    private Snapshot present(Found f, String snapshot) {
        Optional<Metadata.SnapshotMeta> meta = f.meta().map(m -> m.snapshots().get(snapshot));
        Optional<SnapshotName> name = meta.map(Metadata.SnapshotMeta::coName).filter(n -> !n.isEmpty())
                .or(() -> snapshot.startsWith(ArrayNames.HASHED_PREFIX) ? Optional.empty() : Optional.of(snapshot))
                .map(SnapshotName::new);
        return new Snapshot(SnapshotId.foreign(backend, new SnapshotRef(f.at().ref(), snapshot).handle()), name,
                Presentation.id(backend, f.at().ref()), meta.map(Metadata.SnapshotMeta::sizeBytes).orElse(f.info().sizeBytes()),
                meta.map(m -> Instant.ofEpochMilli(m.createdMillis())).orElse(Instant.EPOCH), true);
    }
}
