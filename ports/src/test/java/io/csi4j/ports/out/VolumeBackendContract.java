package io.csi4j.ports.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.topology.Placement;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the backend out-port ({@link VolumeBackend}, with {@link SnapshotSupport} and
 * {@link ExpansionSupport}), written once and run against every implementation: each backend module extends
 * it with a factory for a fresh backend and a way to put a marker into a volume's data and read it back.
 * It talks to the backend through the port only, and assumes nothing about how a backend stores volumes.
 */
public abstract class VolumeBackendContract {

    /** A backend with no volumes and no snapshots; called before every test. */
    protected abstract VolumeBackend newBackend();

    /** Writes {@code marker} into the volume's data, replacing any marker written before. */
    protected abstract void writeMarker(VolumeBackend backend, Volume volume, String marker) throws Exception;

    /** The marker last written into the volume's data, or empty when there is none. */
    protected abstract Optional<String> readMarker(VolumeBackend backend, Volume volume) throws Exception;

    /** The StorageClass parameters of the volumes the contract creates. */
    protected Parameters parameters() {
        return Parameters.EMPTY;
    }

    /** A capability that volumes created with {@link #parameters()} serve. */
    protected VolumeCapability capability() {
        return VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    }

    /** Whether the backend offers snapshots (then {@link VolumeBackend#snapshots()} must be present). */
    protected boolean supportsSnapshots() {
        return true;
    }

    /** Whether the backend can create a volume from another volume. */
    protected boolean supportsCloning() {
        return true;
    }

    /** Whether the backend grows volumes (then {@link VolumeBackend#expansion()} must be present). */
    protected boolean supportsExpansion() {
        return true;
    }

    /** Handles no backend issues; ids made of them must be unknown and must never reach outside its storage. */
    protected List<String> foreignHandles() {
        return List.of("..", ".", "../../etc/passwd", "x/../../..", "/etc", "%2e%2e%2f", "~root", "v0-unknown",
                "a".repeat(90));
    }

    /**
     * Whether a volume made again under the name of a deleted one gets the deleted one's id. Backends whose ids are
     * those of the driver they replace ({@code config:project:name}) do, so that either driver can read them.
     */
    protected boolean reusesIdsOfDeletedVolumes() {
        return false;
    }

    protected VolumeBackend backend;

    @BeforeEach
    void freshBackend() {
        backend = newBackend();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    protected static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result.isLeft() ? result.getLeft() : "").isTrue();
        return result.get();
    }

    protected static Failure failed(Either<Failure, ?> result) {
        assertThat(result.isLeft()).as("expected a failure, got %s", result.isRight() ? result.get() : "").isTrue();
        return result.getLeft();
    }

    protected long defaultSize() {
        return ok(CapacityRange.UNSPECIFIED.resolve(backend.sizePolicy(parameters())));
    }

    protected Optional<Topology> placement() {
        List<Topology> places = backend.placements(parameters());
        return places.isEmpty() ? Optional.empty() : Optional.of(ok(Placement.choose(places, Optional.empty())));
    }

    protected VolumeSpec spec(String name, long size, Optional<ContentSource> source) {
        return new VolumeSpec(new VolumeName(name), size, List.of(capability()), parameters(), source, placement(),
                Secrets.NONE);
    }

    protected Volume create(String name) {
        return ok(backend.create(spec(name, defaultSize(), Optional.empty())));
    }

    protected VolumeId foreignId(String handle) {
        return new VolumeId(backend.name(), handle);
    }

    protected SnapshotSupport snapshots() {
        assumeTrue(supportsSnapshots(), "backend has no snapshots");
        assertThat(backend.snapshots()).as("a backend that supports snapshots exposes them").isPresent();
        return backend.snapshots().orElseThrow();
    }

    protected ExpansionSupport expansion() {
        assumeTrue(supportsExpansion(), "backend does not grow volumes");
        assertThat(backend.expansion()).as("a backend that grows volumes exposes expansion").isPresent();
        return backend.expansion().orElseThrow();
    }

    protected Snapshot snapshot(String name, Volume source) {
        return ok(snapshots().create(new SnapshotName(name), source.id(), Parameters.EMPTY, Secrets.NONE));
    }

    protected static <T> List<T> all(java.util.function.Function<PageRequest, Either<Failure, Page<T>>> lister,
            int pageSize) {
        List<T> items = new ArrayList<>();
        String token = "";
        for (int pages = 0; pages < 1000; pages++) {
            Page<T> page = ok(lister.apply(new PageRequest(token, pageSize)));
            if (pageSize > 0) {
                assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            }
            items.addAll(page.items());
            if (page.isLast()) {
                return items;
            }
            token = page.nextToken();
        }
        throw new AssertionError("listing did not end after 1000 pages");
    }

    private static List<VolumeId> ids(List<Volume> volumes) {
        return volumes.stream().map(Volume::id).toList();
    }

    // ---- volumes ------------------------------------------------------------------------------------------

    @Test
    void createdVolumeCarriesTheRequestedNameSizeParametersAndTopology() {
        Volume v = create("contract-plain");

        assertThat(v.id().backend()).isEqualTo(backend.name());
        assertThat(v.id().value().length()).isLessThanOrEqualTo(128);
        assertThat(v.name()).contains(new VolumeName("contract-plain"));
        assertThat(v.capacityBytes()).isEqualTo(defaultSize());
        assertThat(v.parameters()).isEqualTo(parameters());
        assertThat(v.source()).isEmpty();
        placement().ifPresent(p -> assertThat(v.accessibleTopology()).contains(p));
    }

    @Test
    void aBackendThatRecordsParametersReportsThemFromEveryLookup() {
        assumeTrue(backend.recordsParameters(), "backend does not record creation parameters");
        Volume v = create("contract-recorded");

        assertThat(ok(backend.findByName(new VolumeName("contract-recorded"))).orElseThrow().parameters())
                .isEqualTo(parameters());
        assertThat(ok(backend.get(v.id())).parameters()).isEqualTo(parameters());
        assertThat(all(backend::list, 0)).allSatisfy(x -> assertThat(x.parameters()).isEqualTo(parameters()));
    }

    @Test
    void createIsIdempotentByName() {
        Volume first = create("contract-twice");
        Volume second = create("contract-twice");

        assertThat(second).isEqualTo(first);
        assertThat(all(backend::list, 0)).hasSize(1);
    }

    @Test
    void volumesOfDifferentNamesAreDistinctAndHoldTheirOwnData() throws Exception {
        Volume a = create("contract-a");
        Volume b = create("contract-b");
        writeMarker(backend, a, "only-in-a");

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(readMarker(backend, a)).contains("only-in-a");
        assertThat(readMarker(backend, b)).isEmpty();
    }

    @Test
    void namesWithAnyAllowedCharactersAndOfTheMaximumLengthRoundTrip() {
        List<String> names = List.of("tab\tnew\nline\rcarriage", "equals=and\\backslash", "ünïcødé ∂ 名前",
                "x".repeat(128), "é".repeat(64));
        for (String name : names) {
            Volume v = create(name);
            assertThat(v.name()).contains(new VolumeName(name));
            assertThat(ok(backend.findByName(new VolumeName(name)))).contains(v);
            assertThat(ok(backend.get(v.id()))).isEqualTo(v);
        }
        assertThat(all(backend::list, 0)).hasSize(names.size());
    }

    @Test
    void findByNameReturnsTheVolumeCreatedUnderThatNameOnly() {
        assertThat(ok(backend.findByName(new VolumeName("contract-find")))).isEmpty();
        Volume v = create("contract-find");

        assertThat(ok(backend.findByName(new VolumeName("contract-find")))).contains(v);
        assertThat(ok(backend.findByName(new VolumeName("contract-find-other")))).isEmpty();
    }

    @Test
    void getReturnsTheCreatedVolume() {
        Volume v = create("contract-get");

        assertThat(ok(backend.get(v.id()))).isEqualTo(v);
    }

    @Test
    void getAndConditionOfHandlesTheBackendNeverIssuedAreNotFound() {
        create("contract-neighbour");
        for (String handle : foreignHandles()) {
            assertThat(failed(backend.get(foreignId(handle)))).as(handle).isInstanceOf(Failure.NotFound.class);
            assertThat(failed(backend.condition(foreignId(handle)))).as(handle).isInstanceOf(Failure.NotFound.class);
        }
    }

    @Test
    void deleteRemovesTheVolumeAndARepeatIsDone() {
        Volume v = create("contract-delete");
        Volume kept = create("contract-kept");

        assertThat(ok(backend.delete(v.id(), Secrets.NONE))).isEqualTo(Done.DONE);
        assertThat(ok(backend.delete(v.id(), Secrets.NONE))).isEqualTo(Done.DONE);

        assertThat(failed(backend.get(v.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(failed(backend.condition(v.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(backend.findByName(new VolumeName("contract-delete")))).isEmpty();
        assertThat(ids(all(backend::list, 0))).containsExactly(kept.id());
    }

    @Test
    void deleteOfHandlesTheBackendNeverIssuedIsDoneAndHarmless() {
        Volume v = create("contract-survivor");
        for (String handle : foreignHandles()) {
            assertThat(ok(backend.delete(foreignId(handle), Secrets.NONE))).as(handle).isEqualTo(Done.DONE);
        }
        assertThat(ok(backend.get(v.id()))).isEqualTo(v);
    }

    @Test
    void aNameCanBeUsedAgainAfterDeleteAndTheOldIdDoesNotReachTheNewVolume() {
        Volume old = create("contract-reused");
        ok(backend.delete(old.id(), Secrets.NONE));
        Volume renewed = create("contract-reused");

        if (reusesIdsOfDeletedVolumes()) {
            assertThat(renewed.id()).isEqualTo(old.id());
            assertThat(ok(backend.get(renewed.id()))).isEqualTo(renewed);
            return;
        }
        assertThat(renewed.id()).isNotEqualTo(old.id());
        assertThat(failed(backend.get(old.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(backend.delete(old.id(), Secrets.NONE))).isEqualTo(Done.DONE);
        assertThat(ok(backend.get(renewed.id()))).isEqualTo(renewed);
    }

    @Test
    void listReturnsEveryVolumeOnce() {
        Set<VolumeId> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("contract-list-" + i).id());
        }

        assertThat(ids(all(backend::list, 0))).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void listPagesThroughEveryVolumeExactlyOnceInAStableOrder() {
        Set<VolumeId> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("contract-page-" + i).id());
        }

        List<VolumeId> byOne = ids(all(backend::list, 1));
        List<VolumeId> byTwo = ids(all(backend::list, 2));

        assertThat(byOne).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
        assertThat(byTwo).containsExactlyElementsOf(byOne);
    }

    @Test
    void aTokenStaysValidWhenTheVolumeItPointsAfterIsDeleted() {
        for (int i = 0; i < 3; i++) {
            create("contract-token-" + i);
        }
        Page<Volume> first = ok(backend.list(new PageRequest("", 1)));
        ok(backend.delete(first.items().getFirst().id(), Secrets.NONE));

        List<Volume> rest = new ArrayList<>();
        String token = first.nextToken();
        while (!token.isEmpty()) {
            Page<Volume> page = ok(backend.list(new PageRequest(token, 1)));
            rest.addAll(page.items());
            token = page.nextToken();
        }
        assertThat(rest).hasSize(2);
    }

    @Test
    void aTokenTheBackendDidNotIssueIsInvalid() {
        create("contract-bad-token");
        for (String token : List.of("garbage", "../..", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "-1", "\u0000")) {
            assertThat(failed(backend.list(new PageRequest(token, 1)))).as(token)
                    .isInstanceOf(Failure.InvalidToken.class);
        }
    }

    @Test
    void capacityIsReportedHereAndIsZeroInAPlaceTheBackendCannotReach() {
        CapacityReport here = ok(backend.capacity(parameters(), placement()));
        assertThat(here.availableBytes()).isGreaterThanOrEqualTo(0);
        here.maximumVolumeBytes().ifPresent(max -> assertThat(max).isGreaterThanOrEqualTo(0));

        Optional<Topology> elsewhere = placement().map(p -> {
            Map<String, String> other = new TreeMap<>();
            p.segments().keySet().forEach(k -> other.put(k, "contract-nowhere"));
            return new Topology(other);
        });
        assumeTrue(elsewhere.isPresent(), "backend has no topology");
        assertThat(ok(backend.capacity(parameters(), elsewhere)).availableBytes()).isZero();
    }

    @Test
    void sizePolicyAdmitsTheDefaultSize() {
        SizePolicy policy = backend.sizePolicy(parameters());

        assertThat(defaultSize()).isBetween(policy.minimumBytes(), policy.maximumBytes());
        assertThat(defaultSize() % policy.granularityBytes()).isZero();
    }

    @Test
    void aFreshVolumeIsInNormalCondition() {
        Volume v = create("contract-condition");

        VolumeCondition condition = ok(backend.condition(v.id()));
        assertThat(condition.abnormal()).as(condition.message()).isFalse();
    }

    @Test
    void validationAcceptsTheContractParametersAndRejectsUnknownKeys() {
        assertThat(ok(backend.validate(parameters(), List.of(capability())))).isEqualTo(Done.DONE);

        Parameters unknown = parameters().overriddenBy(new Parameters(Map.of("contract-unknown-key", "x")));
        Failure f = failed(backend.validate(unknown, List.of(capability())));
        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(f.message()).contains("contract-unknown-key");
    }

    @Test
    void aVolumeSupportsTheCapabilityItWasCreatedFor() {
        Volume v = create("contract-supports");

        assertThat(ok(backend.supports(v, capability()))).isEqualTo(Done.DONE);
    }

    @Test
    void createsOfDistinctNamesMayRunConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Volume>> futures = IntStream.range(0, 40)
                    .mapToObj(i -> pool.submit(() -> create("contract-parallel-" + i)))
                    .toList();
            Set<VolumeId> created = new HashSet<>();
            for (Future<Volume> f : futures) {
                created.add(f.get().id());
            }
            assertThat(created).hasSize(40);
            assertThat(ids(all(backend::list, 7))).containsExactlyInAnyOrderElementsOf(created);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- snapshots ----------------------------------------------------------------------------------------

    @Test
    void aSnapshotIsReadyAndNamesItsSource() {
        Volume v = create("contract-snap-source");
        Snapshot s = snapshot("contract-snap", v);

        assertThat(s.id().backend()).isEqualTo(backend.name());
        assertThat(s.id().value().length()).isLessThanOrEqualTo(128);
        assertThat(s.name()).contains(new SnapshotName("contract-snap"));
        assertThat(s.sourceVolumeId()).isEqualTo(v.id());
        assertThat(s.sizeBytes()).isBetween(0L, v.capacityBytes());
        assertThat(s.readyToUse()).isTrue();
        assertThat(ok(snapshots().get(s.id()))).isEqualTo(s);
        assertThat(ok(snapshots().findByName(new SnapshotName("contract-snap")))).contains(s);
    }

    @Test
    void createSnapshotIsIdempotentByNameWithAStableCreationTime() {
        Volume v = create("contract-snap-again-source");
        Snapshot first = snapshot("contract-snap-again", v);
        Snapshot second = snapshot("contract-snap-again", v);

        assertThat(second).isEqualTo(first);
        assertThat(second.creationTime()).isEqualTo(first.creationTime());
        assertThat(all(p -> snapshots().list(Optional.empty(), p), 0)).hasSize(1);
    }

    @Test
    void aSnapshotOfAVolumeThatDoesNotExistIsNotFound() {
        Either<Failure, Snapshot> r = snapshots().create(new SnapshotName("contract-orphan"), foreignId(".."),
                Parameters.EMPTY, Secrets.NONE);

        assertThat(failed(r)).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(snapshots().findByName(new SnapshotName("contract-orphan")))).isEmpty();
    }

    @Test
    void snapshotsAreListedPagedAndFilteredBySource() {
        Volume a = create("contract-snaps-a");
        Volume b = create("contract-snaps-b");
        Snapshot a1 = snapshot("contract-snap-a1", a);
        Snapshot a2 = snapshot("contract-snap-a2", a);
        Snapshot b1 = snapshot("contract-snap-b1", b);

        assertThat(all(p -> snapshots().list(Optional.empty(), p), 0)).containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(all(p -> snapshots().list(Optional.empty(), p), 1)).containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(all(p -> snapshots().list(Optional.of(a.id()), p), 1)).containsExactlyInAnyOrder(a1, a2);
        assertThat(all(p -> snapshots().list(Optional.of(b.id()), p), 0)).containsExactly(b1);
        assertThat(all(p -> snapshots().list(Optional.of(foreignId("..")), p), 0)).isEmpty();
        assertThat(failed(snapshots().list(Optional.empty(), new PageRequest("garbage", 1))))
                .isInstanceOf(Failure.InvalidToken.class);
    }

    @Test
    void deleteSnapshotRemovesItAndARepeatOrAnUnknownIdIsDone() {
        Volume v = create("contract-snap-del-source");
        Snapshot s = snapshot("contract-snap-del", v);

        assertThat(ok(snapshots().delete(s.id(), Secrets.NONE))).isEqualTo(Done.DONE);
        assertThat(ok(snapshots().delete(s.id(), Secrets.NONE))).isEqualTo(Done.DONE);
        assertThat(failed(snapshots().get(s.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(snapshots().findByName(new SnapshotName("contract-snap-del")))).isEmpty();
        assertThat(all(p -> snapshots().list(Optional.empty(), p), 0)).isEmpty();
        for (String handle : foreignHandles()) {
            SnapshotId id = new SnapshotId(backend.name(), handle);
            assertThat(ok(snapshots().delete(id, Secrets.NONE))).as(handle).isEqualTo(Done.DONE);
            assertThat(failed(snapshots().get(id))).as(handle).isInstanceOf(Failure.NotFound.class);
        }
        assertThat(ok(backend.get(v.id()))).isEqualTo(v);
    }

    @Test
    void aRestoredVolumeHoldsTheDataOfTheMomentTheSnapshotWasCut() throws Exception {
        Volume source = create("contract-restore-source");
        writeMarker(backend, source, "before");
        Snapshot s = snapshot("contract-restore-snap", source);
        writeMarker(backend, source, "after");

        Volume restored = ok(backend.create(spec("contract-restored", Math.max(defaultSize(), s.sizeBytes()),
                Optional.of(new ContentSource.FromSnapshot(s.id())))));

        assertThat(restored.source()).contains(new ContentSource.FromSnapshot(s.id()));
        assertThat(readMarker(backend, restored)).contains("before");
        assertThat(readMarker(backend, source)).contains("after");
    }

    @Test
    void aSnapshotOutlivesItsSourceVolume() throws Exception {
        Volume source = create("contract-outlive-source");
        writeMarker(backend, source, "kept");
        Snapshot s = snapshot("contract-outlive", source);
        ok(backend.delete(source.id(), Secrets.NONE));

        assertThat(ok(snapshots().get(s.id()))).isEqualTo(s);
        Volume restored = ok(backend.create(spec("contract-outlive-restored", Math.max(defaultSize(), s.sizeBytes()),
                Optional.of(new ContentSource.FromSnapshot(s.id())))));
        assertThat(readMarker(backend, restored)).contains("kept");
    }

    @Test
    void aVolumeRestoredIntoALargerSizeHasTheLargerSize() throws Exception {
        Volume source = create("contract-grow-source");
        writeMarker(backend, source, "grown");
        Snapshot s = snapshot("contract-grow-snap", source);
        long larger = defaultSize() + 4 * backend.sizePolicy(parameters()).granularityBytes();

        Volume restored = ok(backend.create(spec("contract-grow-restored", larger,
                Optional.of(new ContentSource.FromSnapshot(s.id())))));

        assertThat(restored.capacityBytes()).isEqualTo(larger);
        assertThat(readMarker(backend, restored)).contains("grown");
    }

    @Test
    void restoringFromASnapshotThatDoesNotExistIsNotFound() {
        snapshots();
        SnapshotId missing = new SnapshotId(backend.name(), "contract-missing");

        Either<Failure, Volume> r = backend.create(spec("contract-restore-missing", defaultSize(),
                Optional.of(new ContentSource.FromSnapshot(missing))));

        assertThat(failed(r)).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(backend.findByName(new VolumeName("contract-restore-missing")))).isEmpty();
    }

    // ---- clones -------------------------------------------------------------------------------------------

    @Test
    void aCloneCarriesTheSourceDataAndIsIndependentOfIt() throws Exception {
        assumeTrue(supportsCloning(), "backend does not clone");
        Volume source = create("contract-clone-source");
        writeMarker(backend, source, "original");

        Volume clone = ok(backend.create(spec("contract-clone", source.capacityBytes(),
                Optional.of(new ContentSource.FromVolume(source.id())))));
        writeMarker(backend, clone, "changed");

        assertThat(clone.source()).contains(new ContentSource.FromVolume(source.id()));
        assertThat(readMarker(backend, clone)).contains("changed");
        assertThat(readMarker(backend, source)).contains("original");
    }

    @Test
    void cloningAVolumeThatDoesNotExistIsNotFound() {
        assumeTrue(supportsCloning(), "backend does not clone");

        Either<Failure, Volume> r = backend.create(spec("contract-clone-missing", defaultSize(),
                Optional.of(new ContentSource.FromVolume(foreignId("contract-missing")))));

        assertThat(failed(r)).isInstanceOf(Failure.NotFound.class);
    }

    // ---- expansion ----------------------------------------------------------------------------------------

    @Test
    void expansionGrowsTheVolumeKeepsItsDataAndIsIdempotent() throws Exception {
        Volume v = create("contract-expand");
        writeMarker(backend, v, "survives");
        long wanted = v.capacityBytes() + 8 * backend.sizePolicy(parameters()).granularityBytes();

        Expansion grown = ok(expansion().expand(v.id(), wanted, capability().isBlock(), Secrets.NONE));
        Expansion again = ok(expansion().expand(v.id(), wanted, capability().isBlock(), Secrets.NONE));

        assertThat(grown.capacityBytes()).isGreaterThanOrEqualTo(wanted);
        assertThat(again.capacityBytes()).isEqualTo(grown.capacityBytes());
        assertThat(ok(backend.get(v.id())).capacityBytes()).isEqualTo(grown.capacityBytes());
        assertThat(readMarker(backend, v)).contains("survives");
    }

    @Test
    void expansionNeverShrinks() {
        Volume v = create("contract-no-shrink");

        Expansion e = ok(expansion().expand(v.id(), v.capacityBytes() / 2, capability().isBlock(), Secrets.NONE));

        assertThat(e.capacityBytes()).isEqualTo(v.capacityBytes());
        assertThat(ok(backend.get(v.id())).capacityBytes()).isEqualTo(v.capacityBytes());
    }

    @Test
    void expandingAVolumeThatDoesNotExistIsNotFound() {
        Volume v = create("contract-expand-gone");
        ok(backend.delete(v.id(), Secrets.NONE));

        assertThat(failed(expansion().expand(v.id(), v.capacityBytes() * 2, false, Secrets.NONE)))
                .isInstanceOf(Failure.NotFound.class);
        for (String handle : foreignHandles()) {
            assertThat(failed(expansion().expand(foreignId(handle), v.capacityBytes(), false, Secrets.NONE)))
                    .as(handle).isInstanceOf(Failure.NotFound.class);
        }
    }
}
