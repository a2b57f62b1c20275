package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.Printable;
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
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.out.BackendFeatures;
import io.csi4j.ports.out.DataPathLookup;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Hammerspace (Anvil) cluster as a backend, compatible with the original {@code com.hammerspace.csi} plugin: the
 * same StorageClass parameters and the same volume and snapshot ids, so existing PersistentVolumes keep working.
 * Volumes are shares, directories in a backing share, or sparse files in a backing share holding ext4/xfs or used
 * raw (see {@link Kind}); nodes reach them over NFS from the data portals (see {@link Exports}). The original's
 * defects are not reproduced: failed tasks fail, restores carry data, file snapshots are deleted by the file
 * snapshot API, and growth of file-backed volumes needs no pod restart (the node refreshes the loop device and
 * grows the filesystem online).
 */
public final class HammerspaceBackend implements VolumeBackend {

    /** The original plugin's topology key: whether a node runs a data portal. */
    public static final String DATA_PORTAL_KEY = "topology.csi.hammerspace.com/is-data-portal";

    private static final long MIB = 1L << 20;
    private static final long FILE_MAXIMUM = 16L << 40;
    private static final long SHARE_MAXIMUM = 1L << 60;
    private static final long PROBE_TTL_MILLIS = 10_000;

    private final Context ctx;
    private final VolumeReader reader;
    private final Sources sources;
    private final ShareVolumes shareVolumes;
    private final EntryVolumes entryVolumes;
    private final HammerspaceSnapshots snapshots;
    private final NodeDataPaths nodeDataPaths;
    private final AtomicReference<Probe> probe = new AtomicReference<>();

    private record Probe(Health health, long at) {}

    private HammerspaceBackend(Context ctx) {
        this.ctx = ctx;
        VolumeView view = new VolumeView(ctx);
        this.reader = new VolumeReader(ctx, view);
        this.sources = new Sources(ctx, reader);
        this.shareVolumes = new ShareVolumes(ctx, view, sources);
        this.entryVolumes = new EntryVolumes(ctx, reader, view, sources);
        this.snapshots = new HammerspaceSnapshots(ctx, reader, shareVolumes);
        this.nodeDataPaths = new NodeDataPaths(ctx);
    }

    /**
     * A backend over {@code api}; {@code access} is how the controller reaches files inside shares (an NFS mount, or
     * an already mounted namespace). Nothing is contacted until the first call.
     */
    public static HammerspaceBackend create(HammerspaceBackendConfig config, HammerspaceApi api, ShareAccess access,
            Clock clock) {
        ShareProvisioner shares = new ShareProvisioner(api, config.pluginName(), config.pluginVersion());
        Exports exports = new Exports(api, config.dataPortalMountPrefix(), config.nfsOptions(), config.portalCacheTtl(),
                clock);
        Catalog catalog = new Catalog(config.catalogShare(), shares, exports, access);
        return new HammerspaceBackend(new Context(config.name(), config, api, shares, exports, catalog, access, clock));
    }

    public HammerspaceBackendConfig config() {
        return ctx.config();
    }

    /** The topology a node reports: whether a data portal runs on it (the original plugin's only segment). */
    public Either<Failure, Topology> nodeTopology(String nodeName) {
        return ctx.exports().isDataPortal(nodeName).map(yes -> Topology.of(DATA_PORTAL_KEY, Boolean.toString(yes)));
    }

    @Override
    public BackendName name() {
        return ctx.name();
    }

    /** Clones of every kind; topology only to report the data-portal segment (volumes are reachable everywhere). */
    @Override
    public BackendFeatures features() {
        return new BackendFeatures("hammerspace", true, true, true);
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        return VolumeParameters.parse(parameters).flatMap(p -> p.kind(capabilities).flatMap(kind -> {
            for (VolumeCapability c : capabilities) {
                Either<Failure, Done> ok = Capabilities.serves(kind, p.fsType(), c);
                if (ok.isLeft()) {
                    return ok;
                }
            }
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public SizePolicy sizePolicy(Parameters parameters) {
        Optional<VolumeParameters> p = VolumeParameters.parse(parameters).toJavaOptional();
        String fs = p.map(VolumeParameters::fsType).orElse("");
        long minimum = switch (fs) {
            case "xfs" -> 300 * MIB;
            case "ext4" -> 32 * MIB;
            default -> MIB;
        };
        boolean file = !fs.isEmpty() || p.map(x -> x.mountBackingShare().isEmpty() && x.blockBackingShare().isPresent())
                .orElse(false);
        long def = Math.max(ctx.config().defaultSizeBytes(), minimum);
        return new SizePolicy(def, MIB, minimum, file ? FILE_MAXIMUM : SHARE_MAXIMUM);
    }

    /** Volumes are reachable from every node over NFS. */
    @Override
    public List<Topology> placements(Parameters parameters) {
        return List.of();
    }

    @Override
    public Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        return reader.findByName(name);
    }

    @Override
    public Either<Failure, Volume> create(VolumeSpec spec) {
        return VolumeParameters.parse(spec.parameters()).flatMap(p -> p.kind(spec.capabilities()).flatMap(kind ->
                objectives(p.objectives()).flatMap(objectives -> sources.check(spec.source(), kind).flatMap(source ->
                        kind == Kind.SHARE ? shareVolumes.create(spec, p, objectives, source)
                                : entryVolumes.create(spec, p, kind, objectives, source)))));
    }

    /** The full objective objects for the names asked, read from the Anvil; an unknown name is InvalidArgument. */
    private Either<Failure, List<JsonNode>> objectives(List<String> names) {
        if (names.isEmpty()) {
            return Either.right(List.of());
        }
        return ctx.api().objectives().flatMap(all -> {
            List<JsonNode> chosen = new ArrayList<>();
            for (String n : names) {
                Optional<JsonNode> o = all.stream().filter(x -> x.path("name").asText().equals(n)).findFirst();
                if (o.isEmpty()) {
                    return Either.left(Failure.invalidArgument("objective '" + Printable.of(n) + "' does not exist on "
                            + "this Hammerspace cluster"));
                }
                chosen.add(o.get());
            }
            return Either.right(chosen);
        });
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        return reader.get(id);
    }

    @Override
    public Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        Optional<VolumeHandle> h = VolumeHandle.of(ctx.name(), id);
        if (h.isEmpty()) {
            return Either.right(Done.DONE);
        }
        if (!h.get().isShare()) {
            return entryVolumes.delete(h.get());
        }
        return ctx.api().share(h.get().share()).flatMap(s -> s.isEmpty() ? ctx.catalog().removeVolume(h.get().value())
                : shareVolumes.delete(h.get(), s.get()));
    }

    @Override
    public Either<Failure, Page<Volume>> list(PageRequest request) {
        return reader.list(request);
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return Capabilities.supports(volume, capability);
    }

    /** The free space of the backing share such volumes would live in, else of the cluster. */
    @Override
    public Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement) {
        return VolumeParameters.parse(parameters).flatMap(p -> {
            Either<Failure, OptionalLong> backing = p.capacityShare()
                    .map(b -> ctx.api().share(b).map(s -> s.filter(x -> x.isReady())
                            .map(x -> OptionalLong.of(x.space().available())).orElse(OptionalLong.empty())))
                    .orElse(Either.right(OptionalLong.empty()));
            return backing.flatMap(free -> free.isPresent() ? Either.right(free.getAsLong())
                    : ctx.api().clusterState().map(s -> s.freeBytes()));
        }).map(free -> new CapacityReport(Math.max(0, free), OptionalLong.empty(), OptionalLong.empty()));
    }

    @Override
    public Either<Failure, VolumeCondition> condition(VolumeId id) {
        return reader.find(id).flatMap(found -> found.share().isPresent()
                ? Either.right(shareCondition(found.share().get().state()))
                : ctx.api().share(found.handle().share()).map(s -> s.map(x -> shareCondition(x.state()))
                        .orElse(VolumeCondition.abnormal("backing share " + found.handle().share() + " is gone"))));
    }

    private static VolumeCondition shareCondition(String state) {
        return state.equals("PUBLISHED") ? VolumeCondition.healthy("exported by Hammerspace")
                : VolumeCondition.abnormal("the share is " + state + ", not yet exported: nodes cannot mount it yet");
    }

    /** A fresh login at most every 10 s: the Anvil is reachable and accepts the account. */
    @Override
    public Health probe() {
        Probe p = probe.get();
        long now = ctx.clock().millis();
        if (p != null && now - p.at() < PROBE_TTL_MILLIS) {
            return p.health();
        }
        Health h = ctx.api().login().fold(f -> (Health) new Health.Broken("Hammerspace: " + f.message()),
                ok -> Health.ready());
        probe.set(new Probe(h, now));
        return h;
    }

    @Override
    public Optional<VolumeId> recogniseForeignId(String raw) {
        return VolumeHandle.parse(raw).map(h -> h.toId(ctx.name()));
    }

    @Override
    public Optional<SnapshotSupport> snapshots() {
        return Optional.of(snapshots);
    }

    /** For nodes: the data path of a volume the original plugin made, from its id and its original context. */
    @Override
    public Optional<DataPathLookup> dataPaths() {
        return Optional.of(nodeDataPaths);
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        return Optional.of((id, size, block, secrets) -> reader.find(id).flatMap(found -> found.share().isPresent()
                ? shareVolumes.expand(found.share().get(), size) : entryVolumes.expand(found, size)));
    }
}
