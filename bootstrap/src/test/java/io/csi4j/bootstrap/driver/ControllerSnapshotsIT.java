package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.deleteSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.snapshot;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.GetSnapshotRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListSnapshotsResponse;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreateSnapshot, DeleteSnapshot, ListSnapshots and GetSnapshot of the built driver on the local backend
 * (CSI §3.11–§3.14): what a snapshot reports, idempotency by name, filters and paging, and snapshots outliving
 * their source volume.
 */
class ControllerSnapshotsIT {

    private static final String UNKNOWN_SNAPSHOT = "local:v1-s" + "a".repeat(26) + "-aaaaaaaa";
    private static final String UNKNOWN_VOLUME = "local:v1-" + "a".repeat(26) + "-aaaaaaaa";

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static Volume source;
    static Volume otherSource;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).start();
        source = driver.controller().createVolume(directory("snapped").build()).getVolume();
        otherSource = driver.controller().createVolume(image("snapped-image").setCapacityRange(range(3 * MIB, 0))
                .build()).getVolume();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    private static Snapshot take(String name, Volume from) {
        return driver.controller().createSnapshot(snapshot(name, from.getVolumeId())).getSnapshot();
    }

    @Test
    void aSnapshotIsReadyAtOnceAndReportsItsSourceSizeAndCreationTime() {
        Snapshot s = take("snap-fields", otherSource);

        assertThat(s.getSnapshotId()).startsWith("local:").hasSizeLessThanOrEqualTo(128);
        assertThat(s.getSourceVolumeId()).isEqualTo(otherSource.getVolumeId());
        assertThat(s.getReadyToUse()).isTrue();
        assertThat(s.getSizeBytes()).isEqualTo(3 * MIB);
        assertThat(s.getCreationTime().getSeconds()).isPositive();
        assertThat(s.getGroupSnapshotId()).isEmpty();
    }

    @Test
    void aRepeatedCreateReturnsTheSameSnapshotWithTheSameCreationTime() {
        Snapshot first = take("snap-twice", source);

        assertThat(take("snap-twice", source)).isEqualTo(first);
        assertThat(driver.snapshots()).filteredOn(s -> s.getSnapshotId().equals(first.getSnapshotId())).hasSize(1);
    }

    @Test
    void theSameNameForAnotherVolumeIsAlreadyExistsAndCreatesNothing() throws Exception {
        take("snap-taken", source);
        var before = driver.state();

        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> take("snap-taken", otherSource));

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void aSnapshotOfAnUnknownVolumeIsNotFoundAndCreatesNothing() throws Exception {
        var before = driver.state();

        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().createSnapshot(snapshot("orphan", UNKNOWN_VOLUME)));
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().createSnapshot(snapshot("orphan", "nonsense")));

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void unknownSnapshotParametersAreInvalidWhileKubernetesOnesAreAccepted() throws Exception {
        var before = driver.state();
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().createSnapshot(CreateSnapshotRequest
                .newBuilder(snapshot("snap-params", source.getVolumeId())).putParameters("compression", "on").build()),
                "compression");
        assertThat(driver.state()).isEqualTo(before);

        Snapshot s = driver.controller().createSnapshot(CreateSnapshotRequest
                .newBuilder(snapshot("snap-k8s", source.getVolumeId()))
                .putParameters("csi.storage.k8s.io/volumesnapshot/name", "nightly")
                .putParameters("csi.storage.k8s.io/volumesnapshot/namespace", "default")
                .putParameters("csi.storage.k8s.io/volumesnapshotcontent/name", "snapcontent-1").build()).getSnapshot();
        assertThat(s.getReadyToUse()).isTrue();
    }

    @Test
    void deleteRemovesTheSnapshotAndARepeatOrAnUnknownIdIsOk() throws Exception {
        Snapshot s = take("snap-deleted", source);

        driver.controller().deleteSnapshot(deleteSnapshot(s.getSnapshotId()));

        assertThat(driver.snapshots()).extracting(Snapshot::getSnapshotId).doesNotContain(s.getSnapshotId());
        var before = driver.state();
        for (String id : List.of(s.getSnapshotId(), UNKNOWN_SNAPSHOT, "reallyfakesnapshotid", "local:../../snapshots",
                source.getVolumeId())) {
            assertThat(Rpc.code(() -> driver.controller().deleteSnapshot(deleteSnapshot(id)))).as(id)
                    .isEqualTo(Status.Code.OK);
        }
        assertThat(driver.state()).as("a volume id given as snapshot id deletes nothing").isEqualTo(before);
    }

    @Test
    void listSnapshotsFiltersBySnapshotIdAndBySourceVolume() {
        Snapshot a = take("filter-a", source);
        Snapshot b = take("filter-b", otherSource);

        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId(a.getSnapshotId()))).containsExactly(a);
        assertThat(list(ListSnapshotsRequest.newBuilder().setSourceVolumeId(otherSource.getVolumeId())))
                .contains(b).allSatisfy(s -> assertThat(s.getSourceVolumeId()).isEqualTo(otherSource.getVolumeId()));
        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId(a.getSnapshotId())
                .setSourceVolumeId(source.getVolumeId()))).containsExactly(a);
        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId(a.getSnapshotId())
                .setSourceVolumeId(otherSource.getVolumeId()))).isEmpty();
    }

    @Test
    void listSnapshotsWithAnUnknownSnapshotOrVolumeIsEmptyNotAnError() {
        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId(UNKNOWN_SNAPSHOT))).isEmpty();
        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId("reallyfakesnapshotid"))).isEmpty();
        assertThat(list(ListSnapshotsRequest.newBuilder().setSourceVolumeId(UNKNOWN_VOLUME))).isEmpty();
        assertThat(list(ListSnapshotsRequest.newBuilder().setSourceVolumeId("reallyfakevolumeid"))).isEmpty();
    }

    @Test
    void listSnapshotsPagesOneByOneThroughEverySnapshot() {
        for (int i = 0; i < 3; i++) {
            take("paged-snap-" + i, source);
        }
        List<String> all = driver.snapshots().stream().map(Snapshot::getSnapshotId).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);

        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListSnapshotsResponse page = driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder()
                    .setMaxEntries(1).setStartingToken(token).build());
            assertThat(page.getEntriesCount()).isLessThanOrEqualTo(1);
            page.getEntriesList().forEach(e -> seen.add(e.getSnapshot().getSnapshotId()));
            token = page.getNextToken();
            assertThat(seen.size()).isLessThanOrEqualTo(all.size() + 1);
        } while (!token.isEmpty());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void listSnapshotsWithATokenItDidNotIssueIsAborted() {
        Rpc.fails(Status.Code.ABORTED, () -> driver.controller().listSnapshots(
                ListSnapshotsRequest.newBuilder().setStartingToken("garbage").build()));
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().listSnapshots(
                ListSnapshotsRequest.newBuilder().setMaxEntries(-3).build()), "max_entries");
    }

    @Test
    void getSnapshotReturnsWhatCreateReturnedAndNotFoundForAnUnknownId() {
        Snapshot s = take("snap-get", otherSource);

        assertThat(driver.controller().getSnapshot(GetSnapshotRequest.newBuilder().setSnapshotId(s.getSnapshotId())
                .build()).getSnapshot()).isEqualTo(s);
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().getSnapshot(
                GetSnapshotRequest.newBuilder().setSnapshotId(UNKNOWN_SNAPSHOT).build()));
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().getSnapshot(
                GetSnapshotRequest.newBuilder().setSnapshotId("reallyfakesnapshotid").build()));
    }

    @Test
    void aSnapshotOutlivesItsSourceVolumeAndStaysRestorable() {
        Volume doomed = driver.controller().createVolume(directory("doomed").build()).getVolume();
        Snapshot s = take("survivor", doomed);

        driver.controller().deleteVolume(deleteVolume(doomed.getVolumeId()));

        assertThat(list(ListSnapshotsRequest.newBuilder().setSnapshotId(s.getSnapshotId()))).containsExactly(s);
        assertThat(list(ListSnapshotsRequest.newBuilder().setSourceVolumeId(doomed.getVolumeId()))).containsExactly(s);
        Volume restored = driver.controller().createVolume(directory("from-survivor")
                .setVolumeContentSource(fromSnapshot(s.getSnapshotId())).build()).getVolume();
        assertThat(restored.getContentSource().getSnapshot().getSnapshotId()).isEqualTo(s.getSnapshotId());
    }

    private static List<Snapshot> list(ListSnapshotsRequest.Builder request) {
        return driver.controller().listSnapshots(request.build()).getEntriesList().stream()
                .map(ListSnapshotsResponse.Entry::getSnapshot).toList();
    }
}
