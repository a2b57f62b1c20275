package io.csi4j.adapters.hammerspace;

import static io.csi4j.adapters.hammerspace.Fixtures.EXT4;
import static io.csi4j.adapters.hammerspace.Fixtures.failed;
import static io.csi4j.adapters.hammerspace.Fixtures.ok;
import static io.csi4j.adapters.hammerspace.Fixtures.params;
import static io.csi4j.adapters.hammerspace.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.DataPathLookup;
import io.csi4j.ports.out.DataPathLookup.NodeDataPath;
import io.csi4j.simulator.hammerspace.TaskPlan;
import io.csi4j.simulator.hammerspace.SimulatorConfig.DataPortal;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's side of the original plugin's volumes: their contexts hold the original's keys and no csi4j data path,
 * and the backend works the data path out from the id, the context and its configuration, with the address chosen
 * as the original node plugin chose it — against the simulator.
 */
class NodeDataPathsTest {

    static final long MIB = 1L << 20;
    static final String NODE = "worker-1";
    static final Map<String, String> SHARE_CONTEXT = Map.of("size", "1073741824", "mode", "Filesystem",
            "mountBackingShareName", "", "fsType", "nfs");

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

    static DataPathLookup lookup(SimulatedCluster cluster) {
        return cluster.backend.dataPaths().orElseThrow();
    }

    static Either<Failure, NodeDataPath> ask(SimulatedCluster cluster, String id, Map<String, String> context,
            String node) {
        VolumeId volume = cluster.backend.recogniseForeignId(id).orElseThrow();
        return lookup(cluster).dataPath(volume, new Parameters(context), node);
    }

    Either<Failure, NodeDataPath> ask(String id, Map<String, String> context) {
        return ask(c, id, context, NODE);
    }

    /** A share as the original plugin made it. */
    static void originalShare(SimulatedCluster cluster, String name) {
        ok(cluster.api.createShare(new Model.ShareRequest(name, "Created by CSI driver",
                Map.of("csi_created_by_plugin_name", "com.hammerspace.csi"), OptionalLong.of(64 * MIB), List.of(),
                List.of())));
    }

    /** A backing share as the original plugin made it, with one sparse file in it. */
    static void originalFile(SimulatedCluster cluster, String backing, String file) throws Exception {
        if (cluster.sim.shareState(backing).isEmpty()) {
            originalShare(cluster, backing);
        }
        Path f = cluster.sim.root().resolve(backing).resolve(file);
        try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(64 * MIB);
        }
    }

    static Map<String, String> fileContext(String backing, String fsType) {
        return Map.of("size", "67108864", "mode", "Filesystem", "mountBackingShareName", backing, "fsType", fsType);
    }

    static Map<String, String> blockContext(String backing) {
        return Map.of("size", "67108864", "mode", "Block", "blockBackingShareName", backing);
    }

    // ---- the three shapes of the original plugin ------------------------------------------------------------------

    @Test
    void aShareVolumeIsItsExportWithNolockForTheV3Attempt() {
        originalShare(c, "pvc-share");

        NodeDataPath p = ok(ask("/pvc-share", SHARE_CONTEXT));

        assertThat(p).isEqualTo(new NodeDataPath(new DataPath.NfsExport("127.0.0.1", "/pvc-share", List.of("nolock")),
                Optional.empty()));
    }

    @Test
    void aFileBackedFilesystemIsAnImageOnItsBackingShareWithItsFilesystem() throws Exception {
        originalFile(c, "k8s-file-storage", "pvc-fs");

        NodeDataPath p = ok(ask("/k8s-file-storage/pvc-fs", fileContext("k8s-file-storage", "xfs")));

        assertThat(p).isEqualTo(new NodeDataPath(new DataPath.ImageOnNfs("127.0.0.1", "/k8s-file-storage",
                List.of("nolock"), "pvc-fs"), Optional.of("xfs")));
    }

    @Test
    void aFileBackedBlockVolumeIsARawImage() throws Exception {
        originalFile(c, "k8s-block-storage", "pvc-blk");

        NodeDataPath p = ok(ask("/k8s-block-storage/pvc-blk", blockContext("k8s-block-storage")));

        assertThat(p).isEqualTo(new NodeDataPath(new DataPath.ImageOnNfs("127.0.0.1", "/k8s-block-storage",
                List.of("nolock"), "pvc-blk"), Optional.empty()));
    }

    @Test
    void aDirectoryVolumeWithItsOriginalKeysIsItsExportBelowTheBackingShare() {
        Volume v = ok(c.backend.create(spec("pvc-dir", 64 * MIB, Fixtures.NFS, params("fsType", "nfs",
                "mountBackingShareName", "dirs"))));

        NodeDataPath p = ok(ask(v.id().value(), Map.of("mode", "Filesystem", "fsType", "nfs",
                "mountBackingShareName", "dirs")));

        assertThat(p.path()).isEqualTo(new DataPath.NfsExport("127.0.0.1", "/dirs/pvc-dir", List.of("nolock")));
    }

    @Test
    void theLookupAgreesWithTheDataPathTheControllerGivesItsOwnVolumes() {
        Volume v = ok(c.backend.create(spec("pvc-own", 64 * MIB, EXT4, params("fsType", "ext4",
                "mountBackingShareName", "imgs"))));
        Map<String, String> originalKeys = new TreeMap<>(v.attributes().values());
        originalKeys.keySet().removeIf(k -> k.startsWith("csi4j.io/"));

        NodeDataPath p = ok(ask(v.id().value(), originalKeys));

        DataPath.ImageOnNfs own = (DataPath.ImageOnNfs) v.dataPath();
        assertThat(p.path()).isEqualTo(new DataPath.ImageOnNfs(own.server(), own.export(), List.of("nolock"),
                own.file()));
        assertThat(p.fsType()).contains("ext4");
    }

    @Test
    void theExportPrefixAndConfiguredNfsOptionsApplyAsForTheControllersVolumes() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("prefix"), s -> s,
                b -> b.withExports("/mnt/data-portal", List.of("vers=3", "nolock", "noatime")))) {
            originalShare(f, "pvc-share");
            originalFile(f, "backing", "pvc-img");

            assertThat(ok(ask(f, "/pvc-share", SHARE_CONTEXT, NODE)).path()).isEqualTo(new DataPath.NfsExport(
                    "127.0.0.1", "/mnt/data-portal/pvc-share", List.of("vers=3", "nolock", "noatime")));
            assertThat(ok(ask(f, "/backing/pvc-img", fileContext("backing", "ext4"), NODE)).path()).isEqualTo(
                    new DataPath.ImageOnNfs("127.0.0.1", "/mnt/data-portal/backing",
                            List.of("vers=3", "nolock", "noatime"), "pvc-img"));
        }
    }

    @Test
    void contextsWithFewerKeysStillSayEnough() throws Exception {
        originalShare(c, "pvc-static");
        originalFile(c, "b", "img");

        assertThat(ok(ask("/pvc-static", Map.of())).path()).isInstanceOf(DataPath.NfsExport.class);
        assertThat(ok(ask("/pvc-static", Map.of("mode", "Filesystem"))).path()).isInstanceOf(DataPath.NfsExport.class);
        assertThat(ok(ask("/b/img", Map.of("fsType", "ext4"))).fsType()).contains("ext4");
        assertThat(ok(ask("/b/img", Map.of("mode", "Block"))).path()).isInstanceOf(DataPath.ImageOnNfs.class);
        assertThat(ok(ask("/b/img", Map.of("fsType", "EXT4", "mountBackingShareName", "b"))).fsType())
                .contains("ext4");
    }

    // ---- where the node mounts from -------------------------------------------------------------------------------

    @Test
    void aFloatingIpWinsOverEveryPortalEvenOneOnThisNode() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("fip"), s -> s.withPortals(List.of(
                new DataPortal(NODE, "10.1.1.1", "NFS_V3", true)), List.of("10.9.9.9")), b -> b)) {
            originalShare(f, "pvc-share");

            assertThat(((DataPath.NfsExport) ok(ask(f, "/pvc-share", SHARE_CONTEXT, NODE)).path()).server())
                    .isEqualTo("10.9.9.9");
        }
    }

    @Test
    void withoutFloatingIpsAUsablePortalOnThisNodeComesFirst() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("local"), s -> s.withPortals(List.of(
                new DataPortal("dsx-1", "10.1.1.1", "NFS_V3", true),
                new DataPortal("dsx-2", "10.1.1.2", "NFS_V3", true),
                new DataPortal(NODE, "10.1.1.9", "NFS_V4_1", true)), List.of()), b -> b)) {
            originalShare(f, "pvc-share");
            originalFile(f, "backing", "pvc-img");

            assertThat(((DataPath.NfsExport) ok(ask(f, "/pvc-share", SHARE_CONTEXT, NODE)).path()).server())
                    .isEqualTo("10.1.1.9");
            assertThat(((DataPath.ImageOnNfs) ok(ask(f, "/backing/pvc-img", fileContext("backing", "ext4"), NODE))
                    .path()).server()).isEqualTo("10.1.1.9");
            assertThat(((DataPath.NfsExport) ok(ask(f, "/pvc-share", SHARE_CONTEXT, "dsx-2")).path()).server())
                    .as("a node that runs a portal mounts from its own").isEqualTo("10.1.1.2");
        }
    }

    @Test
    void portalsThatAreDownOrServeNoNfsAreNeverChosen() throws Exception {
        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("filter"), s -> s.withPortals(List.of(
                new DataPortal(NODE, "10.1.1.8", "NFS_V3", false),
                new DataPortal("dsx-smb", "10.1.1.7", "SMB", true),
                new DataPortal("dsx-1", "10.1.1.1", "NFS_V3", true),
                new DataPortal("dsx-2", "10.1.1.2", "NFS_V4_1", true)), List.of()), b -> b)) {
            Set<String> chosen = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                originalShare(f, "pvc-" + i);
                chosen.add(((DataPath.NfsExport) ok(ask(f, "/pvc-" + i, SHARE_CONTEXT, NODE)).path()).server());
            }

            assertThat(chosen).as("spread over the usable portals only").containsExactlyInAnyOrder("10.1.1.1",
                    "10.1.1.2");
            assertThat(ok(ask(f, "/pvc-3", SHARE_CONTEXT, NODE))).as("the same answer every time")
                    .isEqualTo(ok(ask(f, "/pvc-3", SHARE_CONTEXT, NODE)));
        }
    }

    @Test
    void theFqdnOfNewerContextsOverridesThePortals() {
        originalShare(c, "pvc-fqdn");
        Map<String, String> context = new TreeMap<>(SHARE_CONTEXT);
        context.put("fqdn", "anvil-data.example.com");

        assertThat(((DataPath.NfsExport) ok(ask("/pvc-fqdn", context)).path()).server())
                .isEqualTo("anvil-data.example.com");
    }

    @Test
    void theApiIsAskedOnlyForTheShareAndTheCachedPortals() throws Exception {
        originalShare(c, "pvc-a");
        originalFile(c, "backing", "pvc-b");
        c.sim.resetCounts();

        ok(ask("/pvc-a", SHARE_CONTEXT));
        ok(ask("/backing/pvc-b", fileContext("backing", "ext4")));
        ok(ask("/pvc-a", SHARE_CONTEXT));

        Map<String, Long> counts = new TreeMap<>(c.sim.requestCounts());
        counts.remove("POST login");
        assertThat(counts).containsOnlyKeys("GET shares/{}", "GET cntl/{}", "GET data-portals/");
        assertThat(counts.get("GET shares/{}")).isEqualTo(3);
        assertThat(counts.get("GET cntl/{}")).isEqualTo(1);
        assertThat(counts.get("GET data-portals/")).isEqualTo(1);
        assertThat(c.sim.shareNames()).as("nothing is created").containsExactlyInAnyOrder("pvc-a", "backing");
    }

    // ---- failures --------------------------------------------------------------------------------------------------

    @Test
    void aVolumeWhoseShareIsGoneIsNotFound() throws Exception {
        originalShare(c, "backing");
        ok(c.api.deleteShare("backing", OptionalLong.of(0)));

        assertThat(failed(ask("/pvc-never", SHARE_CONTEXT))).isInstanceOf(Failure.NotFound.class);
        assertThat(failed(ask("/gone/pvc-x", fileContext("gone", "ext4")))).isInstanceOf(Failure.NotFound.class)
                .satisfies(f -> assertThat(f.message()).contains("backing share gone"));
        assertThat(failed(ask("/backing/pvc-x", fileContext("backing", "ext4")))).isInstanceOf(Failure.NotFound.class);
        Failure other = failed(lookup(c).dataPath(new VolumeId(new BackendName("other"), "v1"), Parameters.EMPTY,
                NODE));
        assertThat(other).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void sharesThisBackendKeepsForItselfAreNoVolumes() {
        ok(c.backend.create(spec("pvc-img", 64 * MIB, EXT4, params("fsType", "ext4", "mountBackingShareName", "imgs"))));

        assertThat(failed(ask("/imgs", SHARE_CONTEXT))).as("a backing share").isInstanceOf(Failure.NotFound.class);
        assertThat(failed(ask("/csi4j-catalog", SHARE_CONTEXT))).as("the catalog").isInstanceOf(Failure.NotFound.class);
        assertThat(failed(ask("/csi4j-catalog/v1", fileContext("csi4j-catalog", "ext4"))))
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aContextThatContradictsTheIdIsAnInvalidArgument() throws Exception {
        originalShare(c, "pvc-share");
        originalFile(c, "b1", "img");
        List<Map.Entry<String, Map<String, String>>> bad = List.of(
                Map.entry("/pvc-share", Map.of("mode", "Block")),
                Map.entry("/pvc-share", Map.of("mountBackingShareName", "b1", "fsType", "ext4")),
                Map.entry("/pvc-share", Map.of("fsType", "xfs")),
                Map.entry("/pvc-share", Map.of("mode", "Filesystem", "blockBackingShareName", "b1")),
                Map.entry("/b1/img", fileContext("b2", "ext4")),
                Map.entry("/b1/img", blockContext("b2")),
                Map.entry("/b1/img", Map.of("mode", "Block", "mountBackingShareName", "b1")),
                Map.entry("/b1/img", Map.of("mode", "Filesystem")),
                Map.entry("/b1/img", Map.of()),
                Map.entry("/b1/img", Map.of("mode", "Raw", "blockBackingShareName", "b1")),
                Map.entry("/b1/img", fileContext("b1", "btrfs")));

        for (var e : bad) {
            assertThat(failed(ask(e.getKey(), e.getValue()))).as("%s with %s", e.getKey(), e.getValue())
                    .isInstanceOf(Failure.InvalidArgument.class);
        }
        c.sim.resetCounts();
        failed(ask("/b1/img", fileContext("b2", "ext4")));
        assertThat(c.sim.requestCounts().keySet()).as("refused before the API is asked")
                .doesNotContain("GET shares/{}");
    }

    @Test
    void aShareStillBeingCreatedIsUnavailable() throws Exception {
        c.sim.faults().nextTask("share-create", TaskPlan.holding());
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var creating = pool.submit(() -> originalShare(c, "pvc-new"));
            while (c.sim.shareState("pvc-new").isEmpty()) {
                Thread.sleep(5);
            }

            Failure f = failed(ask("/pvc-new", SHARE_CONTEXT));

            assertThat(f).isInstanceOf(Failure.Unavailable.class);
            assertThat(f.message()).contains("not yet exported");
            c.sim.releaseTasks("share-create");
            creating.get();
            ok(ask("/pvc-new", SHARE_CONTEXT));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApiThatFailsOrCannotBeReachedIsUnavailable() throws Exception {
        originalShare(c, "pvc-share");
        c.sim.faults().failRequests("GET", "shares", 503, 1);
        assertThat(failed(ask("/pvc-share", SHARE_CONTEXT))).isInstanceOf(Failure.Unavailable.class);

        try (SimulatedCluster f = new SimulatedCluster(dir.resolve("portals404"))) {
            originalShare(f, "pvc-share");
            f.sim.faults().failRequests("GET", "cntl", 404, 1);
            assertThat(failed(ask(f, "/pvc-share", SHARE_CONTEXT, NODE))).as("a 404 for the portals is no volume's")
                    .isInstanceOf(Failure.Unavailable.class);
        }

        SimulatedCluster down = new SimulatedCluster(dir.resolve("down"));
        originalShare(down, "pvc-share");
        VolumeId id = down.backend.recogniseForeignId("/pvc-share").orElseThrow();
        down.sim.close();
        try {
            assertThat(failed(lookup(down).dataPath(id, new Parameters(SHARE_CONTEXT), NODE)))
                    .isInstanceOf(Failure.Unavailable.class);
        } finally {
            down.api.close();
        }
    }
}
