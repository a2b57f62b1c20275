package io.csi4j.ports.fake;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.out.BackendFeatures;
import io.csi4j.ports.out.DataPathLookup;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An in-memory {@link VolumeBackend} with snapshots and expansion, for use-case tests. It keeps the same rules
 * as a real backend (name idempotency, NotFound for unknown handles, stable paging, strict tokens) and records
 * how many volumes it really created. Parameters: {@code tier} (any of {@code fast}/{@code slow}) and
 * {@code blockless=true} (volumes that refuse block access).
 */
public final class InMemoryVolumeBackend implements VolumeBackend {

    public static final long MIB = 1L << 20;
    private static final Pattern HANDLE = Pattern.compile("v\\d{6}");
    private static final Set<String> KNOWN = Set.of("tier", "blockless");

    private final BackendName name;
    private final List<Topology> placements;
    private final boolean snapshotsOn;
    private final boolean cloningOn;
    private final boolean expansionOn;
    private final long totalBytes;
    private final Optional<DataPathLookup> dataPaths;
    private final ConcurrentSkipListMap<String, Volume> volumes = new ConcurrentSkipListMap<>();
    private final Map<String, String> handleByName = new ConcurrentHashMap<>();
    private final Map<String, String> data = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Snapshot> snaps = new ConcurrentSkipListMap<>();
    private final Map<String, String> snapData = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();
    private volatile Health health = Health.ready();
    private volatile Consumer<VolumeSpec> beforeCreate = spec -> {};

    private InMemoryVolumeBackend(Builder b) {
        this.name = new BackendName(b.name);
        this.placements = b.placements;
        this.snapshotsOn = b.snapshots;
        this.cloningOn = b.cloning;
        this.expansionOn = b.expansion;
        this.totalBytes = b.totalBytes;
        this.dataPaths = b.dataPaths;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Options of the fake. */
    public static final class Builder {
        private final String name;
        private List<Topology> placements = List.of();
        private boolean snapshots = true;
        private boolean cloning = true;
        private boolean expansion = true;
        private long totalBytes = 1L << 40;
        private Optional<DataPathLookup> dataPaths = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        public Builder placements(Topology... t) {
            placements = List.of(t);
            return this;
        }

        public Builder withoutSnapshots() {
            snapshots = false;
            return this;
        }

        public Builder withoutCloning() {
            cloning = false;
            return this;
        }

        public Builder withoutExpansion() {
            expansion = false;
            return this;
        }

        public Builder totalBytes(long bytes) {
            totalBytes = bytes;
            return this;
        }

        /** Answers nodes' questions for the data path of a volume whose context carries none (off by default). */
        public Builder dataPaths(DataPathLookup lookup) {
            dataPaths = Optional.of(lookup);
            return this;
        }

        public InMemoryVolumeBackend build() {
            return new InMemoryVolumeBackend(this);
        }
    }

    /** How many volumes were really created (not returned again). */
    public int createdVolumes() {
        return creates.get();
    }

    public int volumeCount() {
        return volumes.size();
    }

    public void health(Health h) {
        health = h;
    }

    /** Runs before every real creation, e.g. to hold it open while a concurrent call arrives. */
    public void beforeCreate(Consumer<VolumeSpec> hook) {
        beforeCreate = hook;
    }

    public void write(VolumeId id, String content) {
        data.put(id.handle(), content);
    }

    public String read(VolumeId id) {
        return data.get(id.handle());
    }

    @Override
    public BackendName name() {
        return name;
    }

    /** Every volume keeps the parameters it was created with, empty ones included. */
    @Override
    public boolean recordsParameters() {
        return true;
    }

    @Override
    public BackendFeatures features() {
        return new BackendFeatures("memory", cloningOn, !placements.isEmpty(), true);
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        Set<String> unknown = parameters.unknownKeys(KNOWN);
        if (!unknown.isEmpty()) {
            return Either.left(Failure.invalidArgument("unknown parameter " + unknown.iterator().next()));
        }
        Optional<String> tier = parameters.get("tier");
        if (tier.isPresent() && !Set.of("fast", "slow").contains(tier.get())) {
            return Either.left(Failure.invalidArgument("parameter tier must be fast or slow"));
        }
        boolean blockless = parameters.get("blockless").map(Boolean::parseBoolean).orElse(false);
        if (blockless && capabilities.stream().anyMatch(VolumeCapability::isBlock)) {
            return Either.left(Failure.invalidArgument("blockless volumes cannot serve block access"));
        }
        return Either.right(Done.DONE);
    }

    @Override
    public SizePolicy sizePolicy(Parameters parameters) {
        return new SizePolicy(1024 * MIB, MIB, MIB, 1024 * 1024 * MIB);
    }

    @Override
    public List<Topology> placements(Parameters parameters) {
        return placements;
    }

    @Override
    public Either<Failure, Optional<Volume>> findByName(VolumeName n) {
        return Either.right(Optional.ofNullable(handleByName.get(n.value())).map(volumes::get));
    }

    @Override
    public synchronized Either<Failure, Volume> create(VolumeSpec spec) {
        String existing = handleByName.get(spec.name().value());
        if (existing != null) {
            return Either.right(volumes.get(existing));
        }
        Optional<String> content = Optional.empty();
        if (spec.source().isPresent()) {
            Either<Failure, String> copied = copySource(spec.source().get());
            if (copied.isLeft()) {
                return Either.left(copied.getLeft());
            }
            content = Optional.ofNullable(copied.get());
        }
        if (used() + spec.sizeBytes() > totalBytes) {
            return Either.left(Failure.exhausted("no room for " + spec.sizeBytes() + " bytes"));
        }
        beforeCreate.accept(spec);
        String handle = String.format("v%06d", counter.incrementAndGet());
        VolumeId id = new VolumeId(name, handle);
        Volume v = new Volume(id, Optional.of(spec.name()), spec.sizeBytes(), new DataPath.LocalDirectory("/mem/" + handle),
                Parameters.EMPTY, spec.source(), spec.placement().map(List::of).orElse(List.of()), spec.parameters());
        volumes.put(handle, v);
        handleByName.put(spec.name().value(), handle);
        content.ifPresent(c -> data.put(handle, c));
        creates.incrementAndGet();
        return Either.right(v);
    }

    private Either<Failure, String> copySource(ContentSource source) {
        return switch (source) {
            case ContentSource.FromVolume v -> get(v.volumeId()).map(x -> data.get(x.id().handle()));
            case ContentSource.FromSnapshot s -> snapshotSupport().get(s.snapshotId()).map(x -> snapData.get(x.id().handle()));
        };
    }

    private long used() {
        return volumes.values().stream().mapToLong(Volume::capacityBytes).sum();
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        Volume v = volumes.get(id.handle());
        return v == null ? Either.left(Failure.notFound("volume " + id + " does not exist")) : Either.right(v);
    }

    @Override
    public synchronized Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        Volume v = volumes.remove(id.handle());
        if (v != null) {
            v.name().ifPresent(n -> handleByName.remove(n.value()));
            data.remove(id.handle());
        }
        return Either.right(Done.DONE);
    }

    @Override
    public Either<Failure, Page<Volume>> list(PageRequest request) {
        return page(volumes, request);
    }

    private static <T> Either<Failure, Page<T>> page(ConcurrentSkipListMap<String, T> all, PageRequest request) {
        String token = request.startingToken();
        if (!token.isEmpty() && !HANDLE.matcher(token).matches()) {
            return Either.left(new Failure.InvalidToken("bad token " + token));
        }
        var tail = token.isEmpty() ? all : all.tailMap(token, false);
        List<T> items = new ArrayList<>();
        String last = "";
        for (var e : tail.entrySet()) {
            if (request.maxEntries() > 0 && items.size() == request.maxEntries()) {
                return Either.right(new Page<>(items, last));
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        return Either.right(Page.last(items));
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return validate(volume.parameters(), List.of(capability));
    }

    @Override
    public Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement) {
        if (placement.isPresent() && !placements.isEmpty() && placements.stream().noneMatch(p -> p.isWithin(placement.get()))) {
            return Either.right(CapacityReport.none());
        }
        return Either.right(new CapacityReport(totalBytes - used(), OptionalLong.of(1024 * 1024 * MIB), OptionalLong.empty()));
    }

    @Override
    public Either<Failure, VolumeCondition> condition(VolumeId id) {
        return get(id).map(v -> VolumeCondition.healthy("in memory"));
    }

    @Override
    public Health probe() {
        return health;
    }

    @Override
    public Optional<SnapshotSupport> snapshots() {
        return snapshotsOn ? Optional.of(snapshotSupport()) : Optional.empty();
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        return expansionOn ? Optional.of(this::expand) : Optional.empty();
    }

    @Override
    public Optional<DataPathLookup> dataPaths() {
        return dataPaths;
    }

    private synchronized Either<Failure, Expansion> expand(VolumeId id, long size, boolean block, Secrets secrets) {
        return get(id).map(v -> {
            long grown = Math.max(v.capacityBytes(), size);
            volumes.put(id.handle(), v.withCapacity(grown));
            return new Expansion(grown, !block);
        });
    }

    private SnapshotSupport snapshotSupport() {
        return new MemorySnapshots();
    }

    private final class MemorySnapshots implements SnapshotSupport {

        @Override
        public Either<Failure, Parameters> validate(Parameters parameters) {
            return parameters.isEmpty() ? Either.right(parameters)
                    : Either.left(Failure.invalidArgument("snapshots take no parameters"));
        }

        @Override
        public Either<Failure, Optional<Snapshot>> findByName(SnapshotName n) {
            return Either.right(snaps.values().stream().filter(s -> s.name().equals(Optional.of(n))).findFirst());
        }

        @Override
        public Either<Failure, Snapshot> create(SnapshotName n, VolumeId source, Parameters parameters, Secrets secrets) {
            synchronized (InMemoryVolumeBackend.this) {
                var existing = findByName(n).get();
                if (existing.isPresent()) {
                    return Either.right(existing.get());
                }
                return InMemoryVolumeBackend.this.get(source).map(v -> {
                    String handle = String.format("v%06d", counter.incrementAndGet());
                    Snapshot s = new Snapshot(new SnapshotId(name, handle), Optional.of(n), source, v.capacityBytes(),
                            Instant.now(), true);
                    snaps.put(handle, s);
                    Optional.ofNullable(data.get(source.handle())).ifPresent(d -> snapData.put(handle, d));
                    return s;
                });
            }
        }

        @Override
        public Either<Failure, Snapshot> get(SnapshotId id) {
            Snapshot s = snaps.get(id.handle());
            return s == null ? Either.left(Failure.notFound("snapshot " + id + " does not exist")) : Either.right(s);
        }

        @Override
        public Either<Failure, Done> delete(SnapshotId id, Secrets secrets) {
            snaps.remove(id.handle());
            snapData.remove(id.handle());
            return Either.right(Done.DONE);
        }

        @Override
        public Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request) {
            var filtered = new ConcurrentSkipListMap<String, Snapshot>();
            snaps.forEach((k, s) -> {
                if (source.isEmpty() || s.sourceVolumeId().equals(source.get())) {
                    filtered.put(k, s);
                }
            });
            return page(filtered, request);
        }
    }
}
