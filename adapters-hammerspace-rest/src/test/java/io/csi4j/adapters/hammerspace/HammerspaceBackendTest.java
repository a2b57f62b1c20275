package io.csi4j.adapters.hammerspace;

import static io.csi4j.adapters.hammerspace.Fixtures.BLOCK;
import static io.csi4j.adapters.hammerspace.Fixtures.EXT4;
import static io.csi4j.adapters.hammerspace.Fixtures.NFS;
import static io.csi4j.adapters.hammerspace.Fixtures.failed;
import static io.csi4j.adapters.hammerspace.Fixtures.ok;
import static io.csi4j.adapters.hammerspace.Fixtures.params;
import static io.csi4j.adapters.hammerspace.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.hammerspace.TaskPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the port contract does not cover: the original plugin's behaviour kept, its defects not. */
class HammerspaceBackendTest {

    static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    SimulatedCluster c;

    @BeforeEach
    void start() throws Exception {
        c = new SimulatedCluster(dir.resolve("c"));
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
    }

    List<String> shares() {
        return c.sim.shareNames();
    }

    // ---- bad input creates nothing ------------------------------------------------------------------------------

    @Test
    void anUnknownObjectiveIsRefusedBeforeAnythingIsCreated() {
        Failure f = failed(c.backend.create(spec("pvc-obj", 64 * MIB, NFS, params("objectives", "keep-online, nope"))));

        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(f.message()).contains("nope");
        assertThat(shares()).isEmpty();
        assertThat(c.sim.requestCount("POST shares")).isZero();
    }

    @Test
    void malformedParametersAreInvalidArgumentsNamingTheParameter() {
        Map<String, String> bad = Map.of(
                "exportOptions", "10.0.0.0/8,RW",
                "deleteDelay", "soon",
                "volumeNameFormat", "pvc-without-placeholder",
                "mountBackingShareName", "b".repeat(81),
                "objectiveTarget", "everywhere",
                "additionalMetadataTags", "a=b=c",
                "fqdn", "bad host!",
                "unknownKey", "x");
        bad.forEach((key, value) -> {
            Failure f = failed(c.backend.validate(params(key, value), List.of(NFS)));
            assertThat(f).as(key).isInstanceOf(Failure.InvalidArgument.class);
            assertThat(f.message()).as(key).containsIgnoringCase(key.equals("mountBackingShareName") ? "80" : key);
        });
        assertThat(failed(c.backend.validate(params("exportOptions", "10.0.0.0/8,RX,true"), List.of(NFS))).message())
                .contains("RO or RW");
        assertThat(failed(c.backend.validate(params("exportOptions", "10.0.0.0/8,RW,maybe"), List.of(NFS))).message())
                .contains("rootSquash");
        assertThat(shares()).isEmpty();
    }

    @Test
    void kindsNeedTheirBackingShareAndBlockAndMountDoNotMix() {
        assertThat(failed(c.backend.validate(Parameters.EMPTY, List.of(BLOCK))).message())
                .contains("blockBackingShareName");
        assertThat(failed(c.backend.validate(params("fsType", "ext4"), List.of(EXT4))).message())
                .contains("mountBackingShareName");
        assertThat(failed(c.backend.validate(params("blockBackingShareName", "b"), List.of(BLOCK, NFS))))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(c.backend.validate(params("fsType", "btrfs", "mountBackingShareName", "b"), List.of(EXT4))))
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failed(c.backend.validate(params("fsType", "ext4", "mountBackingShareName", "b"),
                List.of(io.csi4j.domain.volume.VolumeCapability.mount("ext4",
                        io.csi4j.domain.volume.AccessMode.MULTI_NODE_MULTI_WRITER))))).isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void idsOfAnyOtherShapeAreNotThisBackends() {
        for (String raw : List.of("share", "/a/b/c", "/", "//x", "/.snapshot", "/a/.fsnapshot", "/a/..", "/" + "s".repeat(81),
                "/a b", "hs:/x")) {
            assertThat(c.backend.recogniseForeignId(raw)).as(raw).isEmpty();
        }
        assertThat(c.backend.recogniseForeignId("/pvc-1")).isPresent();
        assertThat(c.backend.recogniseForeignId("/backing/pvc-1")).isPresent();
    }

    // ---- names and ids --------------------------------------------------------------------------------------------

    @Test
    void kubernetesNamesKeepTheOriginalShareNameAndId() {
        Volume v = ok(c.backend.create(spec("pvc-1b2c3d4e-0000-4000-8000-123456789abc", 64 * MIB, NFS, Parameters.EMPTY)));

        assertThat(v.id().value()).isEqualTo("/pvc-1b2c3d4e-0000-4000-8000-123456789abc");
        assertThat(v.id().foreign()).isTrue();
        assertThat(shares()).contains("pvc-1b2c3d4e-0000-4000-8000-123456789abc");
        Map<String, Object> share = c.sim.share("pvc-1b2c3d4e-0000-4000-8000-123456789abc").orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, String> info = (Map<String, String>) share.get("extendedInfo");
        assertThat(info).containsEntry("csi_created_by_plugin_name", "com.hammerspace.csi")
                .containsEntry("csi_created_by_csi_version", "1");
        assertThat(share.get("shareSizeLimit")).isEqualTo(64 * MIB);
    }

    @Test
    void namesTheAnvilCannotHoldAreHashedIntoEightyCharactersAndFormatIsApplied() {
        String longName = "a-very-long-claim-name-".repeat(5);
        Volume v = ok(c.backend.create(spec(longName, 64 * MIB, NFS, params("volumeNameFormat", "k8s-%s"))));

        String share = v.id().value().substring(1);
        assertThat(share).startsWith("k8s-a-very-long").hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9._-]+");
        assertThat(ok(c.backend.create(spec(longName, 64 * MIB, NFS, params("volumeNameFormat", "k8s-%s")))).id())
                .isEqualTo(v.id());
    }

    @Test
    void volumeContextsCarryTheDataPathAndTheOriginalKeys() {
        Volume share = ok(c.backend.create(spec("pvc-ctx-share", 64 * MIB, NFS, Parameters.EMPTY)));
        Volume dir = ok(c.backend.create(spec("pvc-ctx-dir", 64 * MIB, NFS, params("mountBackingShareName", "dirs"))));
        Volume image = ok(c.backend.create(spec("pvc-ctx-img", 64 * MIB, EXT4,
                params("fsType", "xfs", "mountBackingShareName", "imgs"))));
        Volume block = ok(c.backend.create(spec("pvc-ctx-blk", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));

        assertThat(share.dataPath()).isEqualTo(new DataPath.NfsExport("127.0.0.1", "/pvc-ctx-share", List.of()));
        assertThat(share.attributes().values()).containsEntry("mode", "Filesystem").containsEntry("fsType", "nfs");
        assertThat(dir.dataPath()).isEqualTo(new DataPath.NfsExport("127.0.0.1", "/dirs/pvc-ctx-dir", List.of()));
        assertThat(dir.attributes().values()).containsEntry("mountBackingShareName", "dirs");
        assertThat(image.dataPath()).isEqualTo(new DataPath.ImageOnNfs("127.0.0.1", "/imgs", List.of(), "pvc-ctx-img"));
        assertThat(image.attributes().values()).containsEntry("fsType", "xfs").containsEntry("csi4j.io/fs-type", "xfs");
        assertThat(block.dataPath()).isEqualTo(new DataPath.ImageOnNfs("127.0.0.1", "/blks", List.of(), "pvc-ctx-blk"));
        assertThat(block.attributes().values()).containsEntry("mode", "Block").containsEntry("blockBackingShareName",
                "blks");
    }

    @Test
    void floatingIpsComeBeforePortalsAndThePrefixAndFqdnAreHonoured() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("f"), s -> s.withPortals(List.of(
                new SimulatorConfig.DataPortal("dsx-1", "10.1.1.1", "NFS_V3", true)), List.of("10.9.9.9")),
                b -> b.withExports("/mnt/data-portal", List.of("vers=3")))) {
            Volume v = ok(f.backend.create(spec("pvc-fip", 64 * MIB, NFS, Parameters.EMPTY)));
            assertThat(v.dataPath()).isEqualTo(new DataPath.NfsExport("10.9.9.9", "/mnt/data-portal/pvc-fip",
                    List.of("vers=3")));
            Volume named = ok(f.backend.create(spec("pvc-fqdn", 64 * MIB, NFS,
                    params("fqdn", "nfs.example.com", "clientMountOptions", "vers=4.1,noatime"))));
            assertThat(named.dataPath()).isEqualTo(new DataPath.NfsExport("nfs.example.com",
                    "/mnt/data-portal/pvc-fqdn", List.of("vers=4.1", "noatime")));
        }
    }

    @Test
    void withoutPortalsOrFloatingIpsVolumesCannotBeReachedAndThatIsSaid() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("none"), s -> s.withPortals(List.of(), List.of()),
                b -> b)) {
            Failure fail = failed(f.backend.create(spec("pvc-nowhere", 64 * MIB, NFS, Parameters.EMPTY)));
            assertThat(fail).isInstanceOf(Failure.Unavailable.class);
            assertThat(fail.message()).contains("data portal");
        }
    }

    @Test
    void nodesReportWhetherTheyRunADataPortal() {
        assertThat(ok(c.backend.nodeTopology("dsx-1"))).isEqualTo(Topology.of(HammerspaceBackend.DATA_PORTAL_KEY, "true"));
        assertThat(ok(c.backend.nodeTopology("worker-7")))
                .isEqualTo(Topology.of(HammerspaceBackend.DATA_PORTAL_KEY, "false"));
    }

    // ---- tasks --------------------------------------------------------------------------------------------------

    @Test
    void aFailedCreateTaskFailsTheCallAndLeavesNoShareBehind() {
        c.sim.faults().nextTask("share-create", TaskPlan.failing("FAILED", "no space on tier", "EXECUTING"));

        Failure f = failed(c.backend.create(spec("pvc-fails", 64 * MIB, NFS, Parameters.EMPTY)));

        assertThat(f).isInstanceOf(Failure.Unavailable.class);
        assertThat(f.message()).contains("FAILED").contains("no space on tier");
        assertThat(c.sim.shareState("pvc-fails")).isEmpty();
        assertThat(ok(c.backend.findByName(new io.csi4j.domain.id.VolumeName("pvc-fails")))).isEmpty();
        ok(c.backend.create(spec("pvc-fails", 64 * MIB, NFS, Parameters.EMPTY)));
        assertThat(c.sim.shareState("pvc-fails")).contains("PUBLISHED");
    }

    @Test
    void aCreateOutlastingItsTaskDeadlineIsRetriedIntoTheSameShare() throws Exception {
        try (SimulatedCluster slow = new SimulatedCluster(dir.resolve("slow"))) {
            // the catalog share is made on first use; make it now so that only the volume's share is held
            ok(slow.backend.findByName(new io.csi4j.domain.id.VolumeName("warm-up")));
            slow.sim.resetCounts();
            slow.sim.faults().nextTask("share-create", TaskPlan.holding());
            var impatient = HammerspaceBackend.create(slow.backend.config(),
                    new io.csi4j.adapters.hammerspace.rest.HammerspaceApi(io.csi4j.adapters.hammerspace.rest.HsHttp
                            .create(slow.api.config().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200),
                                    Duration.ofMillis(5), Duration.ofMillis(20))).get()),
                    new MountedNamespace(slow.sim.root()), java.time.Clock.systemUTC());

            assertThat(failed(impatient.create(spec("pvc-slow", 64 * MIB, NFS, Parameters.EMPTY))))
                    .isInstanceOf(Failure.Timeout.class);
            assertThat(failed(impatient.create(spec("pvc-slow", 64 * MIB, NFS, Parameters.EMPTY))))
                    .isInstanceOf(Failure.OperationPending.class);
            slow.sim.releaseTasks("share-create");
            Volume v = ok(impatient.create(spec("pvc-slow", 64 * MIB, NFS, Parameters.EMPTY)));

            assertThat(v.id().value()).isEqualTo("/pvc-slow");
            assertThat(slow.sim.requestCount("POST shares")).isEqualTo(1);
        }
    }

    @Test
    void whatACrashedCreateLeftBehindIsReplacedAndNeverTakenForAVolume() throws Exception {
        ok(c.backend.create(spec("pvc-warm", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));
        Path leftover = c.sim.root().resolve("blks/.pvc-crashed.creating");
        Files.write(leftover, new byte[4096]);
        assertThat(ok(c.backend.list(PageRequest.ALL)).items()).hasSize(1);

        Volume v = ok(c.backend.create(spec("pvc-crashed", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));

        assertThat(Files.size(c.sim.root().resolve("blks/pvc-crashed"))).isEqualTo(64 * MIB);
        assertThat(leftover).doesNotExist();
        assertThat(v.capacityBytes()).isEqualTo(64 * MIB);
    }

    @Test
    void aFileOfTheSameNameAndSizeWithoutARecordIsAdoptedAndOfAnotherSizeIsAlreadyExists() throws Exception {
        ok(c.backend.create(spec("pvc-warm", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));
        try (var f = new java.io.RandomAccessFile(c.sim.root().resolve("blks/pvc-orphan").toFile(), "rw")) {
            f.setLength(64 * MIB);
        }
        Files.write(c.sim.root().resolve("blks/pvc-other"), new byte[1024]);

        Volume adopted = ok(c.backend.create(spec("pvc-orphan", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));
        assertThat(adopted.name()).contains(new io.csi4j.domain.id.VolumeName("pvc-orphan"));
        assertThat(failed(c.backend.create(spec("pvc-other", 64 * MIB, BLOCK, params("blockBackingShareName", "blks")))))
                .isInstanceOf(Failure.AlreadyExists.class);
        assertThat(Files.size(c.sim.root().resolve("blks/pvc-other"))).isEqualTo(1024);
    }

    @Test
    void aCallFindingTheCatalogShareHalfMadeByAnotherCallWaitsForItInsteadOfFailing() throws Exception {
        c.sim.faults().nextTask("share-create", TaskPlan.holding());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> c.backend.findByName(new io.csi4j.domain.id.VolumeName("a")));
            while (c.sim.shareState("csi4j-catalog").isEmpty()) {
                Thread.sleep(5);
            }
            var second = pool.submit(() -> c.backend.findByName(new io.csi4j.domain.id.VolumeName("b")));
            Thread.sleep(200);
            assertThat(second.isDone()).as("the second call waits for the first").isFalse();
            c.sim.releaseTasks("share-create");

            assertThat(ok(first.get())).isEmpty();
            assertThat(ok(second.get())).isEmpty();
            assertThat(c.sim.requestCount("POST shares")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- snapshots and deletion ---------------------------------------------------------------------------------

    @Test
    void fileSnapshotsAreDeletedByTheFileSnapshotApiAndNeverBlockDeletingTheVolume() throws Exception {
        Volume v = ok(c.backend.create(spec("pvc-img", 64 * MIB, EXT4, params("fsType", "ext4",
                "mountBackingShareName", "imgs"))));
        var snaps = c.backend.snapshots().orElseThrow();
        var s1 = ok(snaps.create(new SnapshotName("snap-1"), v.id(), Parameters.EMPTY, Secrets.NONE));
        var s2 = ok(snaps.create(new SnapshotName("snap-2"), v.id(), Parameters.EMPTY, Secrets.NONE));
        assertThat(s1.id().value()).matches("[0-9T-]+\\|/imgs/pvc-img").hasSizeLessThanOrEqualTo(128);
        assertThat(c.api.fileSnapshots("/imgs/pvc-img").get()).hasSize(2);

        assertThat(ok(c.backend.delete(v.id(), Secrets.NONE))).isEqualTo(Done.DONE);
        assertThat(Files.exists(c.sim.root().resolve("imgs/pvc-img"))).isFalse();

        ok(snaps.delete(s1.id(), Secrets.NONE));
        ok(snaps.delete(s2.id(), Secrets.NONE));
        assertThat(c.api.fileSnapshots("/imgs/pvc-img").get()).isEmpty();
        assertThat(c.sim.requestCount("POST share-snapshots/snapshot-delete/{}/{}")).isZero();
    }

    @Test
    void aShareWithSnapshotsIsEmptiedAndRetiredOnDeleteAndGoesWithItsLastSnapshot() throws Exception {
        Volume v = ok(c.backend.create(spec("pvc-kept", 64 * MIB, NFS, Parameters.EMPTY)));
        Files.writeString(c.sim.root().resolve("pvc-kept/data"), "precious");
        var snaps = c.backend.snapshots().orElseThrow();
        var s = ok(snaps.create(new SnapshotName("keep"), v.id(), Parameters.EMPTY, Secrets.NONE));

        ok(c.backend.delete(v.id(), Secrets.NONE));

        assertThat(failed(c.backend.get(v.id()))).isInstanceOf(Failure.NotFound.class);
        assertThat(Files.exists(c.sim.root().resolve("pvc-kept/data"))).isFalse();
        assertThat(c.sim.shareState("pvc-kept")).contains("PUBLISHED");
        assertThat(ok(c.backend.list(PageRequest.ALL)).items()).isEmpty();
        // the name can be used again at once: the new volume gets a new share, the retired one is left alone
        Volume again = ok(c.backend.create(spec("pvc-kept", 64 * MIB, NFS, Parameters.EMPTY)));
        assertThat(again.id().value()).isEqualTo("/pvc-kept-g2");

        ok(snaps.delete(s.id(), Secrets.NONE));
        assertThat(c.sim.shareState("pvc-kept")).contains("REMOVED");
        assertThat(ok(c.backend.get(again.id()))).isEqualTo(again);
    }

    @Test
    void aRestoredShareHoldsTheSnapshotsDataAndTheRequestedSize() throws Exception {
        Volume v = ok(c.backend.create(spec("pvc-src", 64 * MIB, NFS, Parameters.EMPTY)));
        Files.createDirectories(c.sim.root().resolve("pvc-src/sub"));
        Files.writeString(c.sim.root().resolve("pvc-src/sub/file"), "then");
        var s = ok(c.backend.snapshots().orElseThrow().create(new SnapshotName("s"), v.id(), Parameters.EMPTY,
                Secrets.NONE));
        Files.writeString(c.sim.root().resolve("pvc-src/sub/file"), "now");

        Volume r = ok(c.backend.create(new io.csi4j.ports.out.VolumeSpec(new io.csi4j.domain.id.VolumeName("pvc-dst"),
                128 * MIB, List.of(NFS), Parameters.EMPTY,
                java.util.Optional.of(new io.csi4j.domain.volume.ContentSource.FromSnapshot(s.id())),
                java.util.Optional.empty(), Secrets.NONE)));

        assertThat(r.capacityBytes()).isEqualTo(128 * MIB);
        assertThat(Files.readString(c.sim.root().resolve("pvc-dst/sub/file"))).isEqualTo("then");
        assertThat(Files.exists(c.sim.root().resolve("pvc-dst/.snapshot"))).isFalse();
    }

    @Test
    void theBackingShareAndTheCatalogAreNeverVolumes() {
        ok(c.backend.create(spec("pvc-in", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));
        ok(c.api.createShare(new Model.ShareRequest("admin-share", "not csi", Map.of(), OptionalLong.empty(),
                List.of(), List.of())));

        List<String> ids = ok(c.backend.list(PageRequest.ALL)).items().stream().map(v -> v.id().value()).toList();

        assertThat(ids).containsExactly("/blks/pvc-in");
        assertThat(failed(c.backend.delete(io.csi4j.domain.id.VolumeId.foreign(SimulatedCluster.NAME, "/blks"),
                Secrets.NONE))).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(c.sim.shareState("blks")).contains("PUBLISHED");
        assertThat(failed(c.backend.get(io.csi4j.domain.id.VolumeId.foreign(SimulatedCluster.NAME, "/admin-share"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    // ---- the original plugin's volumes and snapshots --------------------------------------------------------------

    @Test
    void aShareTheOriginalPluginMadeIsReadGrownSnapshottedAndDeleted() throws Exception {
        ok(c.api.createShare(new Model.ShareRequest("pvc-old", "Created by CSI driver",
                Map.of("csi_created_by_plugin_name", "com.hammerspace.csi", "csi_delete_delay", "0"),
                OptionalLong.of(32 * MIB), List.of(), List.of())));
        var id = c.backend.recogniseForeignId("/pvc-old").orElseThrow();

        Volume v = ok(c.backend.get(id));
        assertThat(v.name()).isEmpty();
        assertThat(v.capacityBytes()).isEqualTo(32 * MIB);
        Expansion e = ok(c.backend.expansion().orElseThrow().expand(id, 48 * MIB, false, Secrets.NONE));
        assertThat(e).isEqualTo(new Expansion(48 * MIB, false));
        var snaps = c.backend.snapshots().orElseThrow();
        String name = ok(c.api.createShareSnapshot("pvc-old"));
        var original = snaps.recogniseForeignId(name + "|/pvc-old").orElseThrow();
        assertThat(ok(snaps.get(original)).id()).isEqualTo(original);
        ok(snaps.delete(original, Secrets.NONE));

        ok(c.backend.delete(id, Secrets.NONE));
        assertThat(c.sim.shareState("pvc-old")).isEmpty();
    }

    @Test
    void theOriginalFileSnapshotIdWithItsFullPathStillWorks() throws Exception {
        Volume v = ok(c.backend.create(spec("pvc-f", 64 * MIB, EXT4, params("fsType", "ext4",
                "mountBackingShareName", "imgs"))));
        String path = ok(c.api.createFileSnapshot("/imgs/pvc-f"));
        var snaps = c.backend.snapshots().orElseThrow();
        var original = snaps.recogniseForeignId(path + "|/imgs/pvc-f").orElseThrow();

        assertThat(ok(snaps.get(original)).sourceVolumeId()).isEqualTo(v.id());
        Volume restored = ok(c.backend.create(new io.csi4j.ports.out.VolumeSpec(new io.csi4j.domain.id.VolumeName(
                "pvc-f-restored"), 64 * MIB, List.of(EXT4), params("fsType", "ext4", "mountBackingShareName", "imgs"),
                java.util.Optional.of(new io.csi4j.domain.volume.ContentSource.FromSnapshot(original)),
                java.util.Optional.empty(), Secrets.NONE)));
        assertThat(Files.size(c.sim.root().resolve(restored.id().value().substring(1)))).isEqualTo(64 * MIB);
        ok(snaps.delete(original, Secrets.NONE));
        assertThat(c.api.fileSnapshots("/imgs/pvc-f").get()).isEmpty();
    }

    // ---- capacity and expansion --------------------------------------------------------------------------------

    @Test
    void fileVolumesGrowAsSparseFilesAndAskTheNodeToFollow() throws Exception {
        Volume v = ok(c.backend.create(spec("pvc-grow", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));

        Expansion e = ok(c.backend.expansion().orElseThrow().expand(v.id(), 96 * MIB, true, Secrets.NONE));

        assertThat(e).isEqualTo(new Expansion(96 * MIB, true));
        assertThat(Files.size(c.sim.root().resolve("blks/pvc-grow"))).isEqualTo(96 * MIB);
    }

    @Test
    void capacityComesFromTheBackingShareOrTheCluster() throws Exception {
        long cluster = ok(c.backend.capacity(Parameters.EMPTY, java.util.Optional.empty())).availableBytes();
        assertThat(cluster).isEqualTo(1L << 40);
        ok(c.backend.create(spec("pvc-cap", 64 * MIB, BLOCK, params("blockBackingShareName", "blks"))));
        Files.write(c.sim.root().resolve("blks/filler"), new byte[1 << 20]);

        long backing = ok(c.backend.capacity(params("blockBackingShareName", "blks"), java.util.Optional.empty()))
                .availableBytes();
        assertThat(backing).isLessThan(cluster);
    }

    @Test
    void aFileLargerThanItsBackingShareHasRoomForIsRefused() throws Exception {
        try (SimulatedCluster small = new SimulatedCluster(dir.resolve("small"), s -> s.withCapacity(256 * MIB), b -> b)) {
            Failure f = failed(small.backend.create(spec("pvc-huge", 512 * MIB, BLOCK,
                    params("blockBackingShareName", "blks"))));
            assertThat(f).isInstanceOf(Failure.CapacityExhausted.class);
            assertThat(Files.exists(small.sim.root().resolve("blks/pvc-huge"))).isFalse();
        }
    }

    @Test
    void theProbeLogsInAndReportsABrokenAccount() throws Exception {
        assertThat(c.backend.probe()).isInstanceOf(io.csi4j.domain.health.Health.Ready.class);
        var cfg = c.api.config();
        var wrong = new io.csi4j.adapters.hammerspace.rest.ClientConfig(cfg.endpoint(), cfg.username(),
                new io.csi4j.adapters.hammerspace.rest.Secret("wrong"), true, cfg.caFile(), cfg.requestTimeout(),
                cfg.taskTimeout(), cfg.pollStart(), cfg.pollMax(), 4, "t");
        var broken = HammerspaceBackend.create(c.backend.config(), new io.csi4j.adapters.hammerspace.rest.HammerspaceApi(
                io.csi4j.adapters.hammerspace.rest.HsHttp.create(wrong).get()), new MountedNamespace(c.sim.root()),
                java.time.Clock.systemUTC());
        assertThat(broken.probe()).isInstanceOf(io.csi4j.domain.health.Health.Broken.class);
        assertThat(broken.probe().detail()).doesNotContain("wrong");
    }
}
