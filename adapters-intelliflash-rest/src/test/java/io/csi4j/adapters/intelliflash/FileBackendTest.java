package io.csi4j.adapters.intelliflash;

import static io.csi4j.adapters.intelliflash.Requests.RWX;
import static io.csi4j.adapters.intelliflash.Requests.node;
import static io.csi4j.adapters.intelliflash.Requests.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.PublishSupport;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import io.csi4j.simulator.intelliflash.model.Share;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file backend's own behaviour: exports and the NFS access list, clones, deferred deletion, recovery. */
class FileBackendTest {

    static final String PATH = "pool-a/Local/csi-file/";

    @TempDir
    Path dir;

    SimulatedArray array;
    ArrayBackend backend;

    @BeforeEach
    void start() {
        array = SimulatedArray.start(dir);
        backend = array.file(Optional.empty(), Optional.empty());
    }

    @AfterEach
    void stop() {
        backend.close();
        array.close();
    }

    static <T> T ok(Either<Failure, T> r) {
        assertThat(r.isRight()).as("expected success, got %s", r.isLeft() ? r.getLeft() : "").isTrue();
        return r.get();
    }

    Share share(String name) {
        return array.simulator.model().locked(() -> (Share) array.simulator.model().datasets.get(PATH + name));
    }

    boolean exported(String name) {
        return array.simulator.model().locked(() -> array.simulator.model().nfsExposed(share(name)));
    }

    List<String> acl(String name) {
        return array.simulator.model().locked(() -> array.simulator.model().nfsAcls(share(name)).stream()
                .map(a -> a.accessMode() + "@" + a.host()).toList());
    }

    PublishSupport publishing() {
        return backend.publishing().orElseThrow();
    }

    @Test
    void aNewShareIsExportedToNobodyAndItsIdIsTheOriginalDriversForm() {
        Volume v = ok(backend.create(spec("pvc-1", Map.of())));

        assertThat(v.id().value()).isEqualTo("array1:csi-file:pvc-1");
        assertThat(v.dataPath()).isEqualTo(new DataPath.NfsExport("127.0.0.1", "/export/csi-file/pvc-1", List.of("vers=4")));
        assertThat(v.attributes().values()).containsEntry("dataIp", "127.0.0.1").containsEntry("mountFsType", "nfs");
        assertThat(exported("pvc-1")).isFalse();
        assertThat(share("pvc-1").quota).isEqualTo(SimulatedArray.SMALL);
    }

    @Test
    void publishingLetsExactlyThePublishedNodesIntoTheExport() {
        Volume v = ok(backend.create(spec("pvc-2", Map.of())));
        NodeId a = node("node1", "10.0.0.1");
        NodeId b = node("node2", "10.0.0.2");

        Map<String, String> context = ok(publishing().publish(v.id(), a, RWX, false, Secrets.NONE));
        assertThat(ok(publishing().publish(v.id(), a, RWX, false, Secrets.NONE))).isEqualTo(context);
        ok(publishing().publish(v.id(), b, RWX, true, Secrets.NONE));

        assertThat(DataPathCodec.decode(context).get()).contains(v.dataPath());
        assertThat(exported("pvc-2")).isTrue();
        assertThat(acl("pvc-2")).containsExactlyInAnyOrder("rw@10.0.0.1", "ro@10.0.0.2");
        assertThat(ok(publishing().publishedNodes(v.id()))).containsExactlyInAnyOrder(a, b);

        ok(publishing().unpublish(v.id(), Optional.of(a), Secrets.NONE));
        assertThat(acl("pvc-2")).containsExactly("ro@10.0.0.2");
        ok(publishing().unpublish(v.id(), Optional.empty(), Secrets.NONE));
        assertThat(exported("pvc-2")).as("an export without entries would be open to all").isFalse();
        assertThat(ok(publishing().publishedNodes(v.id()))).isEmpty();
        ok(publishing().unpublish(v.id(), Optional.of(a), Secrets.NONE));
    }

    @Test
    void theSameNodeWithTheOtherReadOnlyFlagIsAlreadyExistsAndANodeWithoutAddressIsRefused() {
        Volume v = ok(backend.create(spec("pvc-3", Map.of())));
        ok(publishing().publish(v.id(), node("node1", "10.0.0.1"), RWX, false, Secrets.NONE));

        assertThat(publishing().publish(v.id(), node("node1", "10.0.0.1"), RWX, true, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.AlreadyExists.class);
        assertThat(publishing().publish(v.id(), NodeFacts.named("bare").toId(), RWX, false, Secrets.NONE).getLeft())
                .isInstanceOf(Failure.FailedPrecondition.class).extracting(Failure::message).asString()
                .contains("CSI4J_NODE_IP");
    }

    @Test
    void theStorageClassAccessListIsAppliedAtCreateAndSurvivesUnpublishing() {
        Volume v = ok(backend.create(spec("pvc-4", Map.of("nfsAccessList", "rw:no_root_squash@10.1.0.0/24, ro@10.2.0.9"))));
        assertThat(exported("pvc-4")).isTrue();
        assertThat(acl("pvc-4")).containsExactly("rw@10.1.0.0/24", "ro@10.2.0.9");

        ok(publishing().publish(v.id(), node("node1", "10.0.0.1"), RWX, false, Secrets.NONE));
        ok(publishing().unpublish(v.id(), Optional.empty(), Secrets.NONE));

        assertThat(acl("pvc-4")).containsExactly("rw@10.1.0.0/24", "ro@10.2.0.9");
        assertThat(exported("pvc-4")).isTrue();
    }

    @Test
    void smbVolumesAreSharedOverSmbAndTheirContextHoldsNoCredentials() {
        Volume v = ok(backend.create(spec("pvc-5", Map.of("mountFsType", "cifs",
                "mountOptions", "vers=3.0,username=admin,password=topsecret"))));

        assertThat(v.dataPath()).isEqualTo(new DataPath.SmbShare("127.0.0.1", "csi-file_pvc-5", List.of("vers=3.0")));
        assertThat(v.attributes().values().toString()).doesNotContain("topsecret").doesNotContain("admin");
        assertThat(exported("pvc-5")).isFalse();
        assertThat(array.simulator.model().locked(() -> array.simulator.model().smbExposed(share("pvc-5")))).isTrue();
    }

    @Test
    void deletingACloneLeavesNoTemporarySnapshotBehind() {
        Volume source = ok(backend.create(spec("src", Map.of())));
        Volume clone = ok(backend.create(spec("copy", Map.of(), Optional.of(new ContentSource.FromVolume(source.id())))));
        assertThat(share("src").snapshots).containsOnlyKeys("Manual-S-k8s-clone-snapshot-copy");

        ok(backend.delete(clone.id(), Secrets.NONE));

        assertThat(share("src").snapshots).isEmpty();
        assertThat(share("copy")).isNull();
    }

    @Test
    void aSourceDeletedBeforeItsCloneGoesAwayWithTheClone() {
        Volume source = ok(backend.create(spec("src2", Map.of())));
        Volume clone = ok(backend.create(spec("copy2", Map.of(), Optional.of(new ContentSource.FromVolume(source.id())))));

        ok(backend.delete(source.id(), Secrets.NONE));
        assertThat(share("src2")).as("kept while the clone depends on it").isNotNull();
        assertThat(backend.get(source.id()).getLeft()).isInstanceOf(Failure.NotFound.class);
        assertThat(exported("src2")).isFalse();

        ok(backend.delete(clone.id(), Secrets.NONE));

        assertThat(array.simulator.model().locked(() -> array.simulator.model().datasets.keySet())).isEmpty();
    }

    @Test
    void aVolumeDeletedWithSnapshotsIsHiddenAndRemovedWithItsLastSnapshot() {
        Volume v = ok(backend.create(spec("kept", Map.of())));
        var snap = ok(backend.snapshots().orElseThrow().create(new SnapshotName("snap-1"), v.id(), Parameters.EMPTY,
                Secrets.NONE));
        assertThat(snap.id().value()).isEqualTo("array1:csi-file:kept@snap-1");

        ok(backend.delete(v.id(), Secrets.NONE));
        assertThat(ok(backend.list(io.csi4j.domain.paging.PageRequest.ALL)).items()).isEmpty();
        assertThat(ok(backend.findByName(new io.csi4j.domain.id.VolumeName("kept")))).isEmpty();
        assertThat(backend.create(spec("kept", Map.of())).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);

        ok(backend.snapshots().orElseThrow().delete(snap.id(), Secrets.NONE));

        assertThat(share("kept")).isNull();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsReconciledByReadingBack() {
        array.simulator.faults().add(FaultRule.drop("createShare").thenLost().times(1));

        Volume v = ok(backend.create(spec("lost", Map.of())));

        assertThat(array.simulator.faults().calls("createShare")).isEqualTo(1);
        assertThat(ok(backend.get(v.id()))).isEqualTo(v);
    }

    @Test
    void aHalfMadeVolumeIsFinishedByTheRetry() {
        array.simulator.faults().add(FaultRule.status("setNFSSharingOnShare", 500).times(1));
        assertThat(backend.create(spec("half", Map.of())).getLeft()).isInstanceOf(Failure.Unavailable.class);
        assertThat(ok(backend.findByName(new io.csi4j.domain.id.VolumeName("half")))).as("not finished").isEmpty();

        Volume v = ok(backend.create(spec("half", Map.of())));

        assertThat(ok(backend.findByName(new io.csi4j.domain.id.VolumeName("half")))).contains(v);
        assertThat(exported("half")).isFalse();
    }

    @Test
    void aShareMadeOutsideCsi4jIsUsableByItsOriginalHandle() {
        array.simulator.model().locked(() -> {
            array.simulator.model().data.createDirectory(PATH + "legacy");
            Share s = new Share("pool-a", "csi-file", "legacy", java.time.Instant.now());
            s.mountPoint = "/export/csi-file/legacy";
            s.smbName = "csi-file_legacy";
            array.simulator.model().datasets.put(PATH + "legacy", s);
            return null;
        });
        VolumeId id = backend.recogniseForeignId("array1:csi-file:legacy").orElseThrow();

        Volume v = ok(backend.get(id));
        Map<String, String> context = ok(publishing().publish(id, node("node1", "10.0.0.1"), RWX, false, Secrets.NONE));

        assertThat(v.name()).isEmpty();
        assertThat(DataPathCodec.decode(context).get()).contains(new DataPath.NfsExport("127.0.0.1",
                "/export/csi-file/legacy", List.of("vers=4")));
        assertThat(backend.recogniseForeignId("other:csi-file:legacy")).as("unknown array").isEmpty();
        assertThat(backend.recogniseForeignId("array1:csi-file")).as("malformed").isEmpty();
    }

    @Test
    void badParametersAreInvalidAndTouchNothing() {
        String before = array.simulator.stateJson();

        assertThat(backend.validate(new Parameters(Map.of("configName", "nope")), List.of(RWX)).isRight()).isTrue();
        assertThat(backend.create(spec("x", Map.of("configName", "nope"))).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(backend.create(spec("x", Map.of("project", "missing"))).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class).extracting(Failure::message).asString().contains("missing");
        assertThat(backend.validate(new Parameters(Map.of("nfsAccessList", "rw@not an address")), List.of(RWX)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(backend.validate(Parameters.EMPTY, List.of(Requests.BLOCK_RWO)).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);

        assertThat(array.simulator.stateJson()).isEqualTo(before);
    }

    @Test
    void storageClassSecretsOverrideTheConfiguredCredentials() {
        var wrong = new io.csi4j.ports.out.VolumeSpec(new io.csi4j.domain.id.VolumeName("s"), SimulatedArray.SMALL,
                List.of(RWX), Parameters.EMPTY, Optional.empty(), Optional.empty(),
                new Secrets(Map.of("username", "admin", "password", "wrong")));
        var yaml = new io.csi4j.ports.out.VolumeSpec(new io.csi4j.domain.id.VolumeName("s"), SimulatedArray.SMALL,
                List.of(RWX), Parameters.EMPTY, Optional.empty(), Optional.empty(),
                new Secrets(Map.of("config.yaml", "arrays:\n  array1:\n    username: admin\n    password: secret\n")));

        assertThat(backend.create(wrong).getLeft()).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(backend.create(yaml).isRight()).isTrue();
    }

    @Test
    void capacityIsThePoolsRealFreeSpace() {
        long free = array.simulator.model().locked(() -> array.simulator.model().available("pool-a"));

        var report = ok(backend.capacity(Parameters.EMPTY, Optional.empty()));

        assertThat(report.availableBytes()).isEqualTo(free);
        assertThat(report.maximumVolumeBytes()).hasValue(free);
        assertThat(ok(backend.capacity(new Parameters(Map.of("project", "missing")), Optional.empty())).availableBytes())
                .isZero();
    }

    @Test
    void expansionRaisesTheQuotaAndNeedsNoNodeStep() {
        Volume v = ok(backend.create(spec("grow", Map.of())));

        var e = ok(backend.expansion().orElseThrow().expand(v.id(), 2 * SimulatedArray.SMALL, false, Secrets.NONE));

        assertThat(e.nodeExpansionRequired()).isFalse();
        assertThat(share("grow").quota).isEqualTo(2 * SimulatedArray.SMALL);
    }
}
