package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.IntelliFlashConfig;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.out.BackendFeatures;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the file and block backends have in common: ids in the original drivers' form, volumes read from and made
 * on the configured arrays, snapshots, expansion, capacity from the pool's real free space, and topology by each
 * array's zone.
 */
public abstract class ArrayBackend implements VolumeBackend {

    static final long MIB = 1L << 20;
    static final long MAX_VOLUME = 1L << 50;

    protected final IntelliFlashConfig config;
    protected final Arrays arrays;
    protected final Datasets datasets;
    protected final Catalog catalog;
    protected final Creator creator;
    private final DatasetSnapshots snapshots;
    private final DatasetExpansion expansion;

    protected ArrayBackend(IntelliFlashConfig config, Arrays arrays, Datasets datasets, Shape shape,
            boolean nodeGrowsAfterExpansion, java.time.Clock clock) {
        this.config = config;
        this.arrays = arrays;
        this.datasets = datasets;
        this.catalog = new Catalog(datasets, shape);
        this.creator = new Creator(config.flavour(), datasets, shape);
        this.snapshots = new DatasetSnapshots(config.name(), datasets, catalog, clock);
        this.expansion = new DatasetExpansion(datasets, shape, nodeGrowsAfterExpansion);
    }

    @Override
    public BackendName name() {
        return config.name();
    }

    @Override
    public BackendFeatures features() {
        boolean zones = config.arrays().stream().anyMatch(a -> a.zone().isPresent());
        return new BackendFeatures(config.flavour().type, true, zones, false);
    }

    @Override
    public SizePolicy sizePolicy(Parameters parameters) {
        return new SizePolicy(config.defaultSizeBytes(), MIB, MIB, MAX_VOLUME);
    }

    @Override
    public List<Topology> placements(Parameters parameters) {
        return arrays.placements(VolumeParams.parse(config.flavour(), parameters).toJavaOptional()
                .flatMap(VolumeParams::configName));
    }

    @Override
    public Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        return catalog.findByName(name);
    }

    @Override
    public Either<Failure, Volume> create(VolumeSpec spec) {
        return creator.create(spec);
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        return catalog.get(id);
    }

    @Override
    public Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        return DatasetRef.parse(id.handle()).map(ref -> datasets.delete(ref, secrets))
                .orElseGet(() -> Either.right(Done.DONE));
    }

    @Override
    public Either<Failure, Page<Volume>> list(PageRequest request) {
        return catalog.list(request);
    }

    @Override
    public Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement) {
        return VolumeParams.parse(config.flavour(), parameters).flatMap(p -> {
            var array = arrays.forCreate(p.configName(), placement);
            if (array.isLeft()) {
                return array.getLeft() instanceof Failure.CapacityExhausted ? Either.right(CapacityReport.none())
                        : Either.left(array.getLeft());
            }
            var free = array.get().available(p.project().orElse(array.get().config().defaultProject()));
            if (free.isLeft()) {
                return free.getLeft() instanceof Failure.NotFound ? Either.right(CapacityReport.none())
                        : Either.left(free.getLeft());
            }
            return Either.right(new CapacityReport(free.get(), OptionalLong.of(Math.min(free.get(), MAX_VOLUME)),
                    OptionalLong.empty()));
        });
    }

    @Override
    public Either<Failure, VolumeCondition> condition(VolumeId id) {
        return get(id).map(v -> VolumeCondition.healthy("present on the array"));
    }

    /** Passive: no array call here (nodes may not reach the arrays); credentials or TLS that failed last time break it. */
    @Override
    public Health probe() {
        for (Array a : arrays.all()) {
            Optional<RestError> last = a.api().client().lastError();
            if (last.isPresent() && (last.get().kind() == RestError.Kind.AUTH || last.get().kind() == RestError.Kind.TLS)) {
                return new Health.Broken("array " + a.name() + ": " + last.get().describe());
            }
        }
        return Health.ready();
    }

    @Override
    public Optional<VolumeId> recogniseForeignId(String raw) {
        return DatasetRef.parse(raw).filter(r -> arrays.named(r.configName()).isPresent())
                .map(r -> VolumeId.foreign(config.name(), raw));
    }

    @Override
    public Optional<SnapshotSupport> snapshots() {
        return Optional.of(snapshots);
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        return Optional.of(expansion);
    }

    public IntelliFlashConfig config() {
        return config;
    }

    /** Releases the REST clients. */
    public void close() {
        arrays.close();
    }

    protected Flavour flavour() {
        return config.flavour();
    }
}
