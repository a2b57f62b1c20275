package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.snapshot;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListSnapshotsResponse;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent calls for one name or one volume, as a CO sends them after losing its state (CSI §1.3): every call
 * ends OK or ABORTED (never another code), and exactly one object exists per name afterwards, on disk and in the
 * listings.
 */
class ControllerConcurrencyIT {

    private static final int CALLERS = 12;
    private static final Set<Status.Code> OK_OR_ABORTED = Set.of(Status.Code.OK, Status.Code.ABORTED);

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).maxVolumeSize("64Mi").start();
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        driver.close();
    }

    /** The outcome of one call: its code, and the response when it succeeded. */
    private record Outcome<T>(Status.Code code, T response) {}

    /** Runs every call at once (released together) and waits for all outcomes. */
    private static <T> List<Outcome<T>> together(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    return new Outcome<>(Status.Code.OK, call.call());
                } catch (StatusRuntimeException e) {
                    return new Outcome<T>(e.getStatus().getCode(), null);
                }
            }));
        }
        go.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<Outcome<T>> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private static <T> List<Callable<T>> times(int n, Callable<T> call) {
        List<Callable<T>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(call);
        }
        return out;
    }

    private static long volumeSlots() throws Exception {
        return DiskTree.count(driver.root().resolve("volumes"));
    }

    @Test
    void parallelCreatesOfOneNameMakeExactlyOneVolume() throws Exception {
        for (CreateVolumeRequest request : List.of(directory("contended-dir").build(),
                image("contended-image").setCapacityRange(range(16 * MIB, 0)).build())) {
            long slots = volumeSlots();

            List<Outcome<Volume>> outcomes = together(times(CALLERS,
                    () -> driver.controller().createVolume(request).getVolume()));

            assertThat(outcomes).extracting(Outcome::code).allMatch(OK_OR_ABORTED::contains);
            Set<String> ids = outcomes.stream().filter(o -> o.code() == Status.Code.OK)
                    .map(o -> o.response().getVolumeId()).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(volumeSlots()).isEqualTo(slots + 1);
            String id = ids.iterator().next();
            assertThat(driver.controller().createVolume(request).getVolume().getVolumeId()).isEqualTo(id);
            assertThat(driver.volumes()).extracting(Volume::getVolumeId).containsOnlyOnce(id);
        }
    }

    @Test
    void parallelClonesOfOneNameCopyTheDataOnce() throws Exception {
        Volume source = driver.controller().createVolume(image("clone-source").setCapacityRange(range(32 * MIB, 0))
                .build()).getVolume();
        CreateVolumeRequest clone = image("contended-clone").setVolumeContentSource(fromVolume(source.getVolumeId()))
                .build();
        long slots = volumeSlots();

        List<Outcome<Volume>> outcomes = together(times(CALLERS,
                () -> driver.controller().createVolume(clone).getVolume()));

        assertThat(outcomes).extracting(Outcome::code).allMatch(OK_OR_ABORTED::contains);
        assertThat(outcomes.stream().filter(o -> o.code() == Status.Code.OK).map(o -> o.response().getVolumeId())
                .distinct()).hasSize(1);
        assertThat(volumeSlots()).isEqualTo(slots + 1);
    }

    @Test
    void parallelDeletesAndCreatesOfOneNameLeaveOneVolumeOrNone() throws Exception {
        long slots = volumeSlots();
        for (int round = 0; round < 5; round++) {
            Volume v = driver.controller().createVolume(directory("flapping").build()).getVolume();
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS / 2; i++) {
                calls.add(() -> driver.controller().deleteVolume(deleteVolume(v.getVolumeId())));
                calls.add(() -> driver.controller().createVolume(directory("flapping").build()));
            }

            List<Outcome<Object>> outcomes = together(calls);

            assertThat(outcomes).extracting(Outcome::code).as("round %d", round).allMatch(OK_OR_ABORTED::contains);
            assertThat(volumeSlots()).as("round %d", round).isBetween(slots, slots + 1);
            assertListingsMatchTheDisk();
        }
        // Whatever the races left, the name converges: one create, one delete, and nothing remains.
        Volume last = driver.controller().createVolume(directory("flapping").build()).getVolume();
        driver.controller().deleteVolume(deleteVolume(last.getVolumeId()));
        assertThat(volumeSlots()).isEqualTo(slots);
    }

    @Test
    void parallelSnapshotsOfOneVolumeAllSucceedOnRetryAndEachHoldsTheData() throws Exception {
        Volume source = driver.controller().createVolume(directory("snapped-in-parallel").build()).getVolume();
        Files.writeString(dataPath(source).resolve("marker"), "parallel");
        List<Callable<Snapshot>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String name = "parallel-snap-" + i;
            calls.add(() -> retryWhileAborted(() -> driver.controller()
                    .createSnapshot(snapshot(name, source.getVolumeId())).getSnapshot()));
        }

        List<Outcome<Snapshot>> outcomes = together(calls);

        assertThat(outcomes).extracting(Outcome::code).containsOnly(Status.Code.OK);
        List<Snapshot> listed = driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder()
                .setSourceVolumeId(source.getVolumeId()).build()).getEntriesList().stream()
                .map(ListSnapshotsResponse.Entry::getSnapshot).toList();
        assertThat(listed).hasSize(CALLERS).extracting(Snapshot::getSnapshotId).doesNotHaveDuplicates();
        for (Snapshot s : listed) {
            Volume restored = driver.controller().createVolume(directory("from-" + s.getSnapshotId().substring(6))
                    .setVolumeContentSource(fromSnapshot(s.getSnapshotId())).build()).getVolume();
            assertThat(Files.readString(dataPath(restored).resolve("marker"))).isEqualTo("parallel");
        }
    }

    @Test
    void parallelSnapshotsOfOneNameMakeExactlyOneSnapshot() throws Exception {
        Volume source = driver.controller().createVolume(directory("snapped-once").build()).getVolume();
        long slots = DiskTree.count(driver.root().resolve("snapshots"));

        List<Outcome<Snapshot>> outcomes = together(times(CALLERS,
                () -> driver.controller().createSnapshot(snapshot("one-snap", source.getVolumeId())).getSnapshot()));

        assertThat(outcomes).extracting(Outcome::code).allMatch(OK_OR_ABORTED::contains);
        assertThat(outcomes.stream().filter(o -> o.code() == Status.Code.OK).map(o -> o.response()).distinct())
                .hasSize(1);
        assertThat(DiskTree.count(driver.root().resolve("snapshots"))).isEqualTo(slots + 1);
    }

    @Test
    void aCreateWhoseClientGaveUpIsCompletedOrJoinedByItsIdenticalRetry() throws Exception {
        Volume source = driver.controller().createVolume(image("slow-source").setCapacityRange(range(64 * MIB, 0))
                .build()).getVolume();
        CreateVolumeRequest clone = image("deadline-clone").setVolumeContentSource(fromVolume(source.getVolumeId()))
                .build();
        long slots = volumeSlots();

        Status.Code first = Rpc.code(() -> driver.client().controller().withDeadlineAfter(1, TimeUnit.MILLISECONDS)
                .createVolume(clone));
        Volume retried = retryWhileAborted(() -> driver.controller().createVolume(clone).getVolume());

        assertThat(first).isIn(Status.Code.DEADLINE_EXCEEDED, Status.Code.OK);
        assertThat(retried.getContentSource()).isEqualTo(fromVolume(source.getVolumeId()));
        assertThat(volumeSlots()).isEqualTo(slots + 1);
        assertThat(driver.controller().createVolume(clone).getVolume()).isEqualTo(retried);
    }

    /** Like the sidecars: ABORTED means "busy, try again", so retry with a short pause. */
    private static <T> T retryWhileAborted(Callable<T> call) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ABORTED || attempt > 200) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    /** Every listed volume has its slot on disk, and every slot on disk holding a volume is listed. */
    private static void assertListingsMatchTheDisk() throws Exception {
        Set<Path> listed = driver.volumes().stream().map(v -> dataPath(v).getParent().getFileName())
                .collect(Collectors.toSet());
        Set<Path> onDisk;
        try (var slots = Files.list(driver.root().resolve("volumes"))) {
            onDisk = slots.filter(s -> Files.exists(s.resolve("record"))).map(Path::getFileName)
                    .collect(Collectors.toSet());
        }
        assertThat(listed).isEqualTo(onDisk);
    }
}
