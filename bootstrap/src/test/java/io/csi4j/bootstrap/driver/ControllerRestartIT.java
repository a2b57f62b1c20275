package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.snapshot;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.GetSnapshotRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed with SIGKILL (a node crash, an OOM kill) and started again on the same root: everything it
 * had made is still there and found by the same names, so the CO's replays converge (CSI §1.2 Rec: idempotency
 * survives a restart because it lives in the backend, not in memory). Before the restart, two objects are left
 * as a crash in the middle of their create would leave them.
 */
class ControllerRestartIT {

    private static final String SNAPSHOT_PREFIX = "local:v1-s";

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static long pidBefore;
    static Volume dirVolume;
    static Volume imageVolume;
    static Volume deleted;
    static Snapshot snap;
    static List<Volume> volumesBefore;
    static List<Snapshot> snapshotsBefore;
    static Volume halfMade;
    static Snapshot halfCut;

    @BeforeAll
    static void crashAndRestart() throws Exception {
        driver = LocalDriver.in(dir).start();
        dirVolume = driver.controller().createVolume(directory("survives").build()).getVolume();
        Files.writeString(dataPath(dirVolume).resolve("marker"), "before the crash");
        imageVolume = driver.controller().createVolume(image("survives-image").setCapacityRange(range(6 * MIB, 0))
                .build()).getVolume();
        snap = driver.controller().createSnapshot(snapshot("survives-snap", dirVolume.getVolumeId())).getSnapshot();
        deleted = driver.controller().createVolume(directory("deleted-before").build()).getVolume();
        driver.controller().deleteVolume(deleteVolume(deleted.getVolumeId()));
        volumesBefore = driver.volumes();
        snapshotsBefore = driver.snapshots();
        halfMade = driver.controller().createVolume(image("half-made").setCapacityRange(range(4 * MIB, 0)).build())
                .getVolume();
        halfCut = driver.controller().createSnapshot(snapshot("half-cut", dirVolume.getVolumeId())).getSnapshot();
        pidBefore = driver.process().pid();

        driver.process().kill();
        // As if the process died after these records reached the disk but before their data did (file systems
        // that do not order metadata updates): the records are there, the image and the copy are not.
        Files.delete(dataPath(halfMade));
        DiskTree.delete(snapshotSlot(halfCut).resolve("data"));
        driver.killAndRestart();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    private static Path snapshotSlot(Snapshot s) {
        String id = s.getSnapshotId();
        return driver.root().resolve("snapshots").resolve(id.substring(SNAPSHOT_PREFIX.length(),
                SNAPSHOT_PREFIX.length() + 26));
    }

    @Test
    void theRestartedDriverIsANewProcessAndReady() {
        assertThat(driver.process().pid()).isNotEqualTo(pidBefore);
        assertThat(driver.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
    }

    @Test
    void everyVolumeAndSnapshotIsListedAsBeforeAndADeletedOneStaysDeleted() {
        assertThat(driver.volumes()).containsAll(volumesBefore).contains(halfMade)
                .extracting(Volume::getVolumeId).doesNotContain(deleted.getVolumeId());
        // The half-cut snapshot is absent until a test replays its create; nothing else may come or go.
        assertThat(driver.snapshots()).containsAll(snapshotsBefore)
                .allMatch(s -> snapshotsBefore.contains(s) || s.equals(halfCut));
        assertThat(driver.controller().listVolumes(ListVolumesRequest.newBuilder().setMaxEntries(1).build())
                .getNextToken()).as("paging works on the restarted driver").isNotEmpty();
    }

    @Test
    void replayedCreatesFindWhatTheCrashedProcessMadeByName() throws Exception {
        assertThat(driver.controller().createVolume(directory("survives").build()).getVolume()).isEqualTo(dirVolume);
        assertThat(driver.controller().createVolume(image("survives-image").setCapacityRange(range(6 * MIB, 0))
                .build()).getVolume()).isEqualTo(imageVolume);
        assertThat(driver.controller().createSnapshot(snapshot("survives-snap", dirVolume.getVolumeId()))
                .getSnapshot()).isEqualTo(snap);
        assertThat(driver.controller().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId(dirVolume.getVolumeId()).build()).getStatus().getVolumeCondition().getAbnormal())
                .isFalse();
        assertThat(Files.readString(dataPath(dirVolume).resolve("marker"))).isEqualTo("before the crash");
    }

    @Test
    void aVolumeWhoseCreateWasCutShortIsCompletedByTheReplayedCreate() throws Exception {
        assertThat(driver.controller().createVolume(image("half-made").setCapacityRange(range(4 * MIB, 0))
                .build()).getVolume()).isEqualTo(halfMade);
        assertThat(Files.size(dataPath(halfMade))).isEqualTo(4 * MIB);
    }

    @Test
    void aSnapshotWhoseCopyWasCutShortIsInvisibleUntilItsReplayedCreateCompletesIt() {
        // CSI §3.13: a snapshot that has not been cut is never listed; GetSnapshot does not find it either.
        assertThat(driver.snapshots()).extracting(Snapshot::getSnapshotId).doesNotContain(halfCut.getSnapshotId());
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().getSnapshot(
                GetSnapshotRequest.newBuilder().setSnapshotId(halfCut.getSnapshotId()).build()));

        Snapshot replayed = driver.controller().createSnapshot(snapshot("half-cut", dirVolume.getVolumeId()))
                .getSnapshot();

        assertThat(replayed).isEqualTo(halfCut);
        assertThat(snapshotSlot(halfCut).resolve("data/marker")).hasContent("before the crash");
    }
}
