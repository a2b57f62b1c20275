package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.hammerspace.SimulatorConfig.DataPortal;
import io.grpc.Status;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node plugin in mode {@code node}, configured only by the original Hammerspace plugin's environment (as its
 * DaemonSet sets it), staging PersistentVolumes the original plugin made: their contexts hold the original's keys
 * and no csi4j data path, so the node asks the Anvil (the simulator) for the share and its data portal. This host
 * serves no NFS, so a share volume's stage ends at the mount step: its message names the export the node worked out
 * (the portal on this node, the share's path), which is what this test checks; the NFS mounts themselves are the
 * test node's business (test-node). File-backed volumes are taken to the mount step only by the use-case tests: the
 * backing share's mount does not take the capability's mount flags, so {@code retry=0} cannot reach it, and on a
 * host with an NFS client mount.nfs would retry a refused connection for two minutes; here they are checked up to
 * the lookup (gone, contradicting). Runs as root, as the other node driver tests.
 */
class HammerspaceNodeIT {

    static final String NODE = "worker-1";
    static final long MIB = 1L << 20;

    @TempDir
    static Path dir;

    static HammerspaceSimulator sim;
    static DriverProcess driver;
    static CsiClient csi;
    static Path kubelet;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NodeTestbed.isRoot(), "the node driver tests mount: they need root (CI runs them as root)");
        // This node runs a data portal on loopback; another portal elsewhere must not be chosen.
        sim = HammerspaceSimulator.start(SimulatorConfig.defaults(dir.resolve("namespace")).withPortals(List.of(
                new DataPortal("dsx-1", "192.0.2.1", "NFS_V3", true),
                new DataPortal(NODE, "127.0.0.1", "NFS_V3", true)), List.of()));
        Path ca = sim.writeCaPem(dir.resolve("anvil-ca.pem"));
        kubelet = Files.createDirectories(dir.resolve("kubelet"));
        Path config = Files.writeString(dir.resolve("csi4j.yaml"), "kubeletDir: " + kubelet + "\n");
        Map<String, String> env = Map.of("HS_ENDPOINT", sim.endpoint().toString(), "HS_USERNAME",
                sim.config().username(), "HS_PASSWORD", sim.config().password(), "HS_CA_FILE", ca.toString(),
                "CSI_NODE_NAME", NODE, "CSI4J_MODE", "node", "CSI4J_NFS_VERSIONS", "4.2");
        driver = DriverProcess.start(dir, env, "--config", config.toString());
        csi = new CsiClient(driver.socket());
        originalShare("pvc-legacy-share");
        originalShare("k8s-file-storage");
        sparse(sim.root().resolve("k8s-file-storage/pvc-legacy-ext4"));
        sparse(sim.root().resolve("k8s-file-storage/pvc-legacy-block"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (csi != null) {
            csi.close();
        }
        if (driver != null) {
            driver.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @AfterEach
    void nothingIsLeftMounted() throws IOException {
        sim.faults().clear();
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo"))).noneMatch(l -> l.contains(dir.toString()));
    }

    /** A share as the original plugin made it, through the API. */
    static void originalShare(String name) throws Exception {
        try (var api = new io.csi4j.adapters.hammerspace.rest.HammerspaceApi(io.csi4j.adapters.hammerspace.rest.HsHttp
                .create(io.csi4j.adapters.hammerspace.rest.ClientConfig.of(sim.endpoint(), sim.config().username(),
                        new io.csi4j.adapters.hammerspace.rest.Secret(sim.config().password()))
                        .withTls(true, java.util.Optional.of(dir.resolve("anvil-ca.pem")))).get())) {
            var done = api.createShare(new io.csi4j.adapters.hammerspace.rest.Model.ShareRequest(name,
                    "Created by CSI driver", Map.of("csi_created_by_plugin_name", "com.hammerspace.csi"),
                    java.util.OptionalLong.empty(), List.of(), List.of()));
            assertThat(done.isRight()).as("%s", done).isTrue();
        }
    }

    static void sparse(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(64 * MIB);
        }
    }

    static VolumeCapability mount(String fsType, VolumeCapability.AccessMode.Mode mode) {
        // retry=0: a refused NFS connection fails at once instead of being retried for two minutes
        return VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.newBuilder().setFsType(fsType)
                .addMountFlags("retry=0")).setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode)).build();
    }

    static VolumeCapability block() {
        return VolumeCapability.newBuilder().setBlock(VolumeCapability.BlockVolume.newBuilder())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)).build();
    }

    static Path staging(String pv) throws IOException {
        return Files.createDirectories(kubelet.resolve("plugins/kubernetes.io/csi/com.hammerspace.csi/" + pv
                + "/globalmount"));
    }

    static NodeStageVolumeRequest stage(String id, String pv, VolumeCapability cap, Map<String, String> context)
            throws IOException {
        return NodeStageVolumeRequest.newBuilder().setVolumeId(id).setStagingTargetPath(staging(pv).toString())
                .setVolumeCapability(cap).putAllVolumeContext(context).build();
    }

    /**
     * Stages, and unstages again should this host mount it after all; the status says how far the node got. A stage
     * that reached the mount step is the one this host cannot finish: anything but INVALID_ARGUMENT, NOT_FOUND for
     * the volume, or INTERNAL.
     */
    static Status staged(NodeStageVolumeRequest request) {
        Status s = NodeTestbed.status(() -> csi.node().nodeStageVolume(request));
        NodeTestbed.status(() -> csi.node().nodeUnstageVolume(NodeUnstageVolumeRequest.newBuilder()
                .setVolumeId(request.getVolumeId()).setStagingTargetPath(request.getStagingTargetPath()).build()));
        return s;
    }

    static void reachedTheMountOf(Status s, String source) {
        assertThat(s.getCode()).as("%s", s).isNotIn(Status.Code.INTERNAL, Status.Code.INVALID_ARGUMENT);
        if (!s.isOk()) {
            assertThat(s.getDescription()).as("the node mounted what it worked out").contains("cannot mount NFS export "
                    + source);
        }
    }

    @Test
    void theNodeOnlyProcessReadsItsTopologyFromTheAnvil() {
        var info = csi.node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance());

        assertThat(info.getNodeId()).isEqualTo(NODE);
        assertThat(info.getAccessibleTopology().getSegmentsMap())
                .containsEntry("topology.csi.hammerspace.com/is-data-portal", "true");
    }

    @Test
    void anOriginalShareVolumeIsStagedFromThePortalOnThisNode() throws IOException {
        reachedTheMountOf(staged(stage("/pvc-legacy-share", "pv-share", mount("nfs",
                VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER), Map.of("size", "1073741824", "mode",
                "Filesystem", "mountBackingShareName", "", "fsType", "nfs"))), "127.0.0.1:/pvc-legacy-share");
    }

    @Test
    void aVolumeWhoseShareIsGoneIsNotFound() throws IOException {
        Status share = staged(stage("/pvc-never-made", "pv-gone", mount("nfs",
                VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER), Map.of("mode", "Filesystem", "fsType",
                "nfs")));
        Status file = staged(stage("/gone-backing/pvc-legacy-ext4", "pv-gone-file", mount("ext4",
                VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER), Map.of("mode", "Filesystem",
                "mountBackingShareName", "gone-backing", "fsType", "ext4")));

        assertThat(share.getCode()).as("%s", share).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(share.getDescription()).doesNotContain("cannot mount");
        assertThat(file.getCode()).as("%s", file).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(file.getDescription()).contains("backing share gone-backing is gone");
    }

    @Test
    void aContextThatContradictsTheIdIsAnInvalidArgument() throws IOException {
        Status blockShare = staged(stage("/pvc-legacy-share", "pv-contradiction", block(), Map.of("mode", "Block",
                "blockBackingShareName", "k8s-file-storage")));
        Status otherBacking = staged(stage("/k8s-file-storage/pvc-legacy-block", "pv-other-backing", block(),
                Map.of("mode", "Block", "blockBackingShareName", "k8s-block-storage")));
        Status fsImage = staged(stage("/k8s-file-storage/pvc-legacy-ext4", "pv-btrfs", mount("",
                VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER), Map.of("mode", "Filesystem",
                "mountBackingShareName", "k8s-file-storage", "fsType", "btrfs")));

        assertThat(List.of(blockShare.getCode(), otherBacking.getCode(), fsImage.getCode()))
                .as("%s / %s / %s", blockShare, otherBacking, fsImage).containsOnly(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void anAnvilThatCannotAnswerIsUnavailableAndARetryWorks() throws IOException {
        sim.faults().failRequests("GET", "shares", 503, 5);
        var request = stage("/pvc-legacy-share", "pv-retry", mount("nfs",
                VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER), Map.of("mode", "Filesystem"));

        assertThat(staged(request).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        sim.faults().clear();
        reachedTheMountOf(staged(request), "127.0.0.1:/pvc-legacy-share");
    }

    @Test
    void aVolumeWhoseContextCarriesItsDataPathIsNeverLookedUp() throws IOException {
        sim.resetCounts();
        Map<String, String> context = new HashMap<>(Map.of("csi4j.io/data", "nfs", "csi4j.io/server", "127.0.0.1",
                "csi4j.io/export", "/pvc-legacy-share"));

        reachedTheMountOf(staged(stage("/pvc-legacy-share", "pv-own", mount("nfs",
                VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER), context)), "127.0.0.1:/pvc-legacy-share");
        assertThat(sim.requestCount("GET shares/{}")).isZero();
    }
}
