package io.csi4j.adapters.intelliflash.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.ArrayPaths;
import io.csi4j.adapters.intelliflash.array.DatasetInfo;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;

/**
 * CreateVolume on the array, idempotent against the array's real state: the dataset is made under its name and
 * read back; one that exists already is returned when it is the same volume, finished when an earlier attempt left
 * it half-made (no record yet), and refused otherwise; a create whose answer was lost is reconciled by reading
 * back, never repeated blindly. Clones of a volume go through a temporary snapshot
 * {@code k8s-clone-snapshot-<clone>} on the source, which the clone's deletion removes. The record is written last.
 */
public final class Creator {

    static final String TEMP_PREFIX = "k8s-clone-snapshot-";

    private final Flavour flavour;
    private final Datasets datasets;
    private final Shape shape;

    public Creator(Flavour flavour, Datasets datasets, Shape shape) {
        this.flavour = flavour;
        this.datasets = datasets;
        this.shape = shape;
    }

    /** Room for a dataset name in {@code config:project:name} ids, leaving space for a snapshot suffix. */
    public static int room(String configName, String project) {
        return Text.MAX_BYTES - configName.length() - project.length() - 2 - 40;
    }

    public Either<Failure, Volume> create(VolumeSpec spec) {
        return VolumeParams.parse(flavour, spec.parameters()).flatMap(params -> Sources.of(spec.source())
                // Made first and read back after: a name already taken answers "exists", and the dataset found then
                // is adopted, finished or refused — one read fewer than looking first, on the common path.
                .flatMap(source -> place(spec, params, source)
                        .flatMap(at -> make(at.array().api(spec.secrets()), at, spec, params, source))));
    }

    private Either<Failure, Located> place(VolumeSpec spec, VolumeParams params, Optional<Sources.Source> source) {
        Either<Failure, Array> array = source.isPresent() ? datasets.arrays().of(source.get().dataset())
                .mapLeft(f -> Failure.notFound("the content source does not exist: " + f.message()))
                : datasets.arrays().forCreate(params.configName(), spec.placement());
        return array.flatMap(a -> {
            if (source.isPresent() && spec.placement().isPresent()
                    && !a.topology().map(t -> t.isWithin(spec.placement().get())).orElse(true)) {
                return Either.left(Failure.exhausted("the content source lives on array " + a.name()
                        + ", outside " + spec.placement().get()));
            }
            String project = source.map(s -> s.dataset().project()).orElse(params.project()
                    .orElse(a.config().defaultProject()));
            if (source.isPresent() && params.project().isPresent() && !params.project().get().equals(project)) {
                return Either.left(Failure.invalidArgument("a clone stays in its source's project " + project
                        + " (array rule); parameter project asks for " + params.project().get()));
            }
            return a.poolOf(project)
                    .mapLeft(f -> f instanceof Failure.NotFound ? Failure.invalidArgument(f.message()) : f)
                    .map(pool -> new Located(a, pool, new DatasetRef(a.name(), project,
                            ArrayNames.of(spec.name().value(), room(a.name(), project)))));
        });
    }

    private Either<Failure, Volume> adopt(ArrayApi api, Found f, VolumeSpec spec, VolumeParams params,
            Optional<Sources.Source> source) {
        if (f.hidden()) {
            return Either.left(Failure.precondition("volume " + f.at().ref() + " was deleted and is kept for its "
                    + "snapshots; its name cannot be used again until they are deleted"));
        }
        if (f.meta().isPresent()) {
            Metadata m = f.meta().get();
            if (!m.name().equals(spec.name().value())) {
                return Either.left(Failure.alreadyExists("the array name " + f.at().ref() + " is taken by volume '"
                        + m.name() + "'"));
            }
            if (f.info().sizeBytes() != spec.sizeBytes() || !m.source().equals(source.map(Sources.Source::id).orElse(""))) {
                return Either.left(Failure.alreadyExists("volume '" + spec.name().value() + "' exists as " + f.at().ref()
                        + " with another size or content source"));
            }
            return shape.present(f, Shape.Exposed.NOTHING);
        }
        if (source.isEmpty() && f.info().sizeBytes() != spec.sizeBytes()) {
            return Either.left(Failure.alreadyExists("the array already holds " + f.at().ref() + " of "
                    + f.info().sizeBytes() + " bytes, not made by csi4j for this request"));
        }
        return finish(api, f, spec, params, source);
    }

    private Either<Failure, Volume> make(ArrayApi api, Located at, VolumeSpec spec, VolumeParams params,
            Optional<Sources.Source> source) {
        Either<Failure, Either<RestError, JsonNode>> made = source.isEmpty()
                ? Either.right(shape.makeEmpty(api, at, spec.sizeBytes(), params))
                : cloneFrom(api, at, source.get(), params);
        return made.flatMap(result -> {
            if (result.isLeft() && !result.getLeft().exists() && !result.getLeft().outcomeUnknown()) {
                RestError e = result.getLeft();
                return Either.left(e.notFound() && source.isPresent()
                        ? Failure.notFound("the content source " + source.get().id() + " does not exist")
                        : e.toFailure("creating " + at.ref()));
            }
            // Made now, made by an earlier attempt, or unknown: the array's state decides.
            return datasets.find(at, api).flatMap(f -> f.<Either<Failure, Volume>>map(x -> x.meta().isPresent()
                            ? adopt(api, x, spec, params, source) : finish(api, x, spec, params, source))
                    .orElseGet(() -> Either.left(result.isLeft() ? result.getLeft().toFailure("creating " + at.ref())
                            : Failure.unavailable("the array accepted " + at.ref() + " but does not list it yet"))));
        });
    }

    private Either<Failure, Either<RestError, JsonNode>> cloneFrom(ArrayApi api, Located at, Sources.Source source,
            VolumeParams params) {
        return datasets.locate(source.dataset()).flatMap(src -> {
            if (src.isEmpty()) {
                return Either.left(Failure.notFound("the content source " + source.id() + " does not exist"));
            }
            boolean inheritViews = flavour == Flavour.BLOCK && params.inheritProjectSettings()
                    .orElse(at.array().config().inheritProjectSettings());
            String snapshot = source.snapshot().orElse(TEMP_PREFIX + at.ref().name());
            if (source.snapshot().isEmpty()) {
                Either<Failure, Boolean> taken = datasets.find(src.get(), api).flatMap(s -> s.filter(x -> !x.hidden())
                        .<Either<Failure, Boolean>>map(x -> temporarySnapshot(api, x.info(), snapshot))
                        .orElseGet(() -> Either.left(Failure.notFound("the content source " + source.id()
                                + " does not exist"))));
                if (taken.isLeft()) {
                    return Either.left(taken.getLeft());
                }
            }
            String path = ArrayPaths.snapshot(src.get().path(), datasets.kind().snapshotPrefix + snapshot);
            return Either.right(api.clone(datasets.kind(), path, at.ref().name(), inheritViews));
        });
    }

    private static Either<Failure, Boolean> temporarySnapshot(ArrayApi api, DatasetInfo source, String name) {
        var r = api.snapshot(source, name);
        if (r.isLeft() && !r.getLeft().exists()) {
            return Either.left(r.getLeft().toFailure("snapshotting the clone source " + source.name()));
        }
        return Either.right(true);
    }

    private Either<Failure, Volume> finish(ArrayApi api, Found f, VolumeSpec spec, VolumeParams params,
            Optional<Sources.Source> source) {
        return shape.expose(api, f, params).flatMap(exposed -> {
            Metadata meta = shape.annotate(Metadata.created(spec.name().value(),
                    spec.parameters().withoutKubernetesKeys().values()), params);
            if (source.isPresent()) {
                String temp = source.get().snapshot().isPresent() ? ""
                        : new SnapshotRef(source.get().dataset(), TEMP_PREFIX + f.at().ref().name()).handle();
                meta = meta.withSource(source.get().id(), source.get().kind(), temp);
            }
            Map<String, Object> resize = f.info().sizeBytes() == spec.sizeBytes() ? Map.of() : shape.resize(spec.sizeBytes());
            Metadata recorded = meta;
            return datasets.record(api, f.at(), meta, resize).flatMap(done -> shape.present(new Found(f.at(),
                    resized(f.info(), spec.sizeBytes(), recorded), Optional.of(recorded)), exposed));
        });
    }

    private static DatasetInfo resized(DatasetInfo i, long size, Metadata meta) {
        return new DatasetInfo(i.kind(), i.pool(), i.project(), i.name(), size, meta.write(), i.mountPoint(), i.smbName(),
                i.sharingOverridden(), i.blockSize(), i.thin());
    }

    /** Content sources as this backend reads them. */
    static final class Sources {

        private Sources() {}

        /** A source: the dataset it lives on, the snapshot (for a restore), its id and kind. */
        record Source(DatasetRef dataset, Optional<String> snapshot, String id, String kind) {}

        static Either<Failure, Optional<Source>> of(Optional<ContentSource> source) {
            if (source.isEmpty()) {
                return Either.right(Optional.empty());
            }
            return switch (source.get()) {
                case ContentSource.FromSnapshot s -> SnapshotRef.parse(s.snapshotId().handle())
                        .<Either<Failure, Optional<Source>>>map(r -> Either.right(Optional.of(new Source(r.dataset(),
                                Optional.of(r.snapshot()), s.sourceId(), "snapshot"))))
                        .orElseGet(() -> Either.left(Failure.notFound("snapshot " + s.sourceId() + " does not exist")));
                case ContentSource.FromVolume v -> DatasetRef.parse(v.volumeId().handle())
                        .<Either<Failure, Optional<Source>>>map(r -> Either.right(Optional.of(new Source(r,
                                Optional.empty(), v.sourceId(), "volume"))))
                        .orElseGet(() -> Either.left(Failure.notFound("volume " + v.sourceId() + " does not exist")));
            };
        }
    }
}
