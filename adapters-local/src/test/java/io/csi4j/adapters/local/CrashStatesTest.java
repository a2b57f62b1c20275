package io.csi4j.adapters.local;

import static io.csi4j.adapters.local.LocalFixture.MIB;
import static io.csi4j.adapters.local.LocalFixture.failed;
import static io.csi4j.adapters.local.LocalFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each intermediate state that {@link LocalBackend} documents, made on disk as a crash would leave it, and
 * the retried create or delete that must complete or undo it without leaving anything behind.
 */
class CrashStatesTest {

    @TempDir
    Path tmp;

    private LocalFixture fx;

    @BeforeEach
    void setUp() throws IOException {
        fx = new LocalFixture(tmp);
    }

    private VolumeId someIdOfSlot(String name) {
        return new VolumeId(fx.config.name(), new Handle(SlotNames.slotOf(name), "aaaaaaaa").volumeForm());
    }

    private static void tear(Path record) throws IOException {
        byte[] bytes = Files.readAllBytes(record);
        Files.write(record, Arrays.copyOf(bytes, bytes.length / 2));
    }

    // state 1: a slot without a record

    @Test
    void aSlotWithoutARecordIsGarbageThatTheRetriedCreateReplacesWithoutExposingOldData() throws IOException {
        Path slot = Files.createDirectories(fx.volumeSlot("pvc-1"));
        Files.createDirectories(slot.resolve("data"));
        Files.writeString(slot.resolve("data").resolve("secret"), "someone else's data");
        Files.createDirectories(slot.resolve("data.part").resolve("deep"));
        Files.writeString(slot.resolve("record.tmp"), "half a record");

        assertThat(ok(fx.backend.findByName(new VolumeName("pvc-1")))).isEmpty();
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).isEmpty();

        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));

        assertThat(ok(fx.backend.findByName(new VolumeName("pvc-1")))).contains(v);
        String slotName = SlotNames.slotOf("pvc-1");
        String s = "volumes/" + SlotStore.shardOf(slotName) + "/" + slotName;
        assertThat(fx.tree()).containsExactly("snapshots", "volumes", s, s + "/data", s + "/record");
    }

    @Test
    void aSlotWithoutARecordIsRemovedByADeleteOfAnIdInThatSlot() throws IOException {
        Path slot = Files.createDirectories(fx.volumeSlot("pvc-1").resolve("data.part"));
        Files.writeString(slot.resolve("file"), "x");

        assertThat(ok(fx.backend.delete(someIdOfSlot("pvc-1"), Secrets.NONE))).isNotNull();

        assertThat(fx.tree()).containsExactly("snapshots", "volumes");
    }

    // state 2: a torn record

    @Test
    void aTornRecordIsAnIncompleteCreateThatTheRetryReplaces() throws IOException {
        Volume first = ok(fx.backend.create(fx.directory("pvc-1")));
        tear(fx.volumeSlot("pvc-1").resolve("record"));

        assertThat(ok(fx.backend.findByName(new VolumeName("pvc-1")))).isEmpty();
        assertThat(failed(fx.backend.get(first.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).isEmpty();
        assertThat(ok(fx.backend.condition(first.id())).abnormal()).isTrue();
        assertThat(ok(fx.backend.condition(first.id())).message()).contains("unreadable");

        Volume retried = ok(fx.backend.create(fx.directory("pvc-1")));

        assertThat(retried.id()).isNotEqualTo(first.id());
        assertThat(ok(fx.backend.get(retried.id()))).isEqualTo(retried);
        assertThat(ok(fx.backend.condition(retried.id())).abnormal()).isFalse();
    }

    @Test
    void aTornRecordIsRemovedByDelete() throws IOException {
        Volume v = ok(fx.backend.create(fx.image("pvc-1")));
        tear(fx.volumeSlot("pvc-1").resolve("record"));

        ok(fx.backend.delete(v.id(), Secrets.NONE));

        assertThat(fx.tree()).containsExactly("snapshots", "volumes");
    }

    @Test
    void aRecordWithAValidChecksumButForgedContentIsUnreadable() throws IOException {
        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));
        Path record = fx.volumeSlot("pvc-1").resolve("record");
        var fields = RecordCodec.decode(Files.readAllBytes(record)).get();
        fields.put("generation", "../../x");
        Files.write(record, RecordCodec.encode(fields));

        assertThat(failed(fx.backend.get(v.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(fx.backend.condition(v.id())).message()).contains("malformed generation");
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).isEmpty();
    }

    @Test
    void aSlotHoldingAnotherNameIsNeverTakenForThisName() throws IOException {
        Volume other = ok(fx.backend.create(fx.directory("other")));
        Path mine = fx.volumeSlot("pvc-1");
        Files.createDirectories(mine.getParent());
        Files.move(fx.volumeSlot("other"), mine);

        assertThat(ok(fx.backend.findByName(new VolumeName("pvc-1")))).isEmpty();
        assertThat(failed(fx.backend.create(fx.directory("pvc-1")))).isInstanceOf(Failure.Defect.class);
        assertThat(mine.resolve("record")).exists();
    }

    // state 3: a complete record without data

    @Test
    void aRecordWithoutDataIsCompletedByTheRetriedCreateUnderTheSameId() throws IOException {
        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));
        Files.delete(fx.volumeSlot("pvc-1").resolve("data"));

        assertThat(ok(fx.backend.findByName(new VolumeName("pvc-1")))).isEmpty();
        assertThat(ok(fx.backend.get(v.id()))).isEqualTo(v);
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).containsExactly(v);
        assertThat(ok(fx.backend.condition(v.id())).message()).contains("directory is missing");

        assertThat(ok(fx.backend.create(fx.directory("pvc-1")))).isEqualTo(v);

        assertThat(Files.isDirectory(fx.volumeSlot("pvc-1").resolve("data"))).isTrue();
        assertThat(ok(fx.backend.condition(v.id())).abnormal()).isFalse();
    }

    @Test
    void anImageRecordWithoutDataGetsAFreshSparseImageOfTheRecordedSize() throws IOException {
        Volume v = ok(fx.backend.create(fx.image("pvc-1")));
        Path image = fx.volumeSlot("pvc-1").resolve("data");
        Files.delete(image);
        Files.createDirectory(fx.volumeSlot("pvc-1").resolve("data.part"));

        assertThat(ok(fx.backend.condition(v.id())).message()).contains("image file is missing");
        assertThat(ok(fx.backend.create(fx.image("pvc-1")))).isEqualTo(v);

        assertThat(Files.size(image)).isEqualTo(64 * MIB);
        assertThat(Files.exists(fx.volumeSlot("pvc-1").resolve("data.part"))).isFalse();
    }

    @Test
    void aCloneRecordWithoutDataIsCompletedByCopyingTheSourceAgain() throws IOException {
        Volume source = ok(fx.backend.create(fx.directory("src")));
        LocalMarkers.write(source, "copied");
        VolumeSpec cloneSpec = fx.copyOf(fx.directory("clone"), new ContentSource.FromVolume(source.id()));
        Volume clone = ok(fx.backend.create(cloneSpec));
        Trees.delete(fx.volumeSlot("clone").resolve("data"));

        assertThat(ok(fx.backend.create(cloneSpec))).isEqualTo(clone);

        assertThat(LocalMarkers.read(clone)).contains("copied");
    }

    @Test
    void aRecordWithoutDataIsReplacedWhenTheRetryAsksForAnotherVolume() throws IOException {
        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));
        Files.delete(fx.volumeSlot("pvc-1").resolve("data"));

        Volume other = ok(fx.backend.create(fx.spec("pvc-1", 128 * MIB, java.util.Map.of(), LocalFixture.MOUNT)));

        assertThat(other.id()).isNotEqualTo(v.id());
        assertThat(other.capacityBytes()).isEqualTo(128 * MIB);
        assertThat(failed(fx.backend.get(v.id()))).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aCompleteVolumeAskedForWithOtherArgumentsIsAlreadyExists() {
        ok(fx.backend.create(fx.directory("pvc-1")));

        Failure f = failed(fx.backend.create(fx.spec("pvc-1", 128 * MIB, java.util.Map.of(), LocalFixture.MOUNT)));

        assertThat(f).isInstanceOf(Failure.AlreadyExists.class);
    }

    // delete cut short

    @Test
    void aDeleteCutShortAfterRemovingTheRecordIsFinishedByTheRetry() throws IOException {
        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));
        LocalMarkers.write(v, "left over");
        Files.delete(fx.volumeSlot("pvc-1").resolve("record"));

        assertThat(failed(fx.backend.get(v.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(fx.backend.list(PageRequest.ALL)).items()).isEmpty();

        ok(fx.backend.delete(v.id(), Secrets.NONE));

        assertThat(fx.tree()).containsExactly("snapshots", "volumes");
    }

    // state 4 leftovers: record.tmp and an expansion cut short

    @Test
    void aStaleRecordTemporaryIsIgnoredAndReplacedByTheNextRewrite() throws IOException {
        Volume v = ok(fx.backend.create(fx.directory("pvc-1")));
        Path temporary = fx.volumeSlot("pvc-1").resolve("record.tmp");
        Files.writeString(temporary, "garbage from an expansion cut short");

        assertThat(ok(fx.backend.get(v.id()))).isEqualTo(v);
        ok(fx.backend.expansion().orElseThrow().expand(v.id(), 128 * MIB, false, Secrets.NONE));

        assertThat(temporary).doesNotExist();
        assertThat(ok(fx.backend.get(v.id())).capacityBytes()).isEqualTo(128 * MIB);
    }

    @Test
    void anExpansionCutShortAfterGrowingTheImageIsRecordedByTheRetry() throws IOException {
        Volume v = ok(fx.backend.create(fx.image("pvc-1")));
        Path image = fx.volumeSlot("pvc-1").resolve("data");
        Durable.resize(image, 96 * MIB);

        assertThat(ok(fx.backend.get(v.id())).capacityBytes()).isEqualTo(64 * MIB);
        var e = ok(fx.backend.expansion().orElseThrow().expand(v.id(), 96 * MIB, false, Secrets.NONE));

        assertThat(e.capacityBytes()).isEqualTo(96 * MIB);
        assertThat(Files.size(image)).isEqualTo(96 * MIB);
        assertThat(ok(fx.backend.get(v.id())).capacityBytes()).isEqualTo(96 * MIB);
    }

    @Test
    void createThenDeleteLeavesNothingBehind() throws IOException {
        Volume d = ok(fx.backend.create(fx.directory("pvc-d")));
        Volume i = ok(fx.backend.create(fx.image("pvc-i")));
        LocalMarkers.write(d, "x");
        Snapshot s = ok(fx.backend.snapshots().orElseThrow().create(new SnapshotName("snap"), i.id(),
                Parameters.EMPTY, Secrets.NONE));

        ok(fx.backend.delete(d.id(), Secrets.NONE));
        ok(fx.backend.delete(i.id(), Secrets.NONE));
        ok(fx.backend.snapshots().orElseThrow().delete(s.id(), Secrets.NONE));

        assertThat(fx.tree()).containsExactly("snapshots", "volumes");
    }

    // snapshots

    @Test
    void aSnapshotRecordWithoutDataIsNotCutAndTheRetryCutsItWithTheRecordedTime() throws IOException {
        var snapshots = fx.backend.snapshots().orElseThrow();
        Volume v = ok(fx.backend.create(fx.directory("vol")));
        LocalMarkers.write(v, "cut");
        Instant cutAt = fx.clock.now;
        Snapshot s = ok(snapshots.create(new SnapshotName("snap"), v.id(), Parameters.EMPTY, Secrets.NONE));
        Trees.delete(fx.snapshotSlot("snap").resolve("data"));
        fx.clock.now = cutAt.plusSeconds(60);

        assertThat(failed(snapshots.get(s.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(ok(snapshots.list(Optional.empty(), PageRequest.ALL)).items()).isEmpty();
        assertThat(ok(snapshots.findByName(new SnapshotName("snap")))).isEmpty();

        Snapshot retried = ok(snapshots.create(new SnapshotName("snap"), v.id(), Parameters.EMPTY, Secrets.NONE));

        assertThat(retried).isEqualTo(s);
        assertThat(retried.creationTime()).isEqualTo(cutAt);
        assertThat(fx.snapshotSlot("snap").resolve("data").resolve(LocalMarkers.FILE)).hasContent("cut");
    }

    @Test
    void aSnapshotSlotWithoutARecordIsReplacedByTheRetriedCreate() throws IOException {
        var snapshots = fx.backend.snapshots().orElseThrow();
        Volume v = ok(fx.backend.create(fx.directory("vol")));
        Files.createDirectories(fx.snapshotSlot("snap").resolve("data.part").resolve("half"));

        Snapshot s = ok(snapshots.create(new SnapshotName("snap"), v.id(), Parameters.EMPTY, Secrets.NONE));

        assertThat(ok(snapshots.get(s.id()))).isEqualTo(s);
        assertThat(fx.snapshotSlot("snap").resolve("data.part")).doesNotExist();
        assertThat(fx.snapshotSlot("snap").resolve("data").resolve("half")).doesNotExist();
    }
}
