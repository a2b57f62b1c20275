package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetPluginCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.PluginCapability;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.hammerspace.TaskPlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every controller RPC over the real unix socket, with the jar configured only by the original Hammerspace plugin's
 * environment variables (plus the simulator's CA and its namespace as the controller's view of the shares).
 */
class HammerspaceControllerIT {

    static final long MIB = 1L << 20;

    @TempDir
    static Path dir;

    static HammerspaceSimulator sim;
    static DriverProcess driver;
    static CsiClient csi;

    @BeforeAll
    static void start() throws Exception {
        sim = HammerspaceSimulator.start(SimulatorConfig.defaults(dir.resolve("namespace")));
        Path ca = sim.writeCaPem(dir.resolve("anvil-ca.pem"));
        Path config = Files.writeString(dir.resolve("csi4j.yaml"), "kubeletDir: " + dir.resolve("kubelet") + "\n");
        Map<String, String> env = Map.of("HS_ENDPOINT", sim.endpoint().toString(), "HS_USERNAME",
                sim.config().username(), "HS_PASSWORD", sim.config().password(), "HS_TLS_VERIFY", "true",
                "HS_CA_FILE", ca.toString(), "HS_NAMESPACE_ROOT", sim.root().toString(), "CSI_NODE_NAME", "worker-1");
        driver = DriverProcess.start(dir, env, "--config", config.toString());
        csi = new CsiClient(driver.socket());
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

    static VolumeCapability nfs() {
        return VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.newBuilder())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER)).build();
    }

    static VolumeCapability ext4() {
        return VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.newBuilder().setFsType("ext4"))
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)).build();
    }

    static VolumeCapability block() {
        return VolumeCapability.newBuilder().setBlock(VolumeCapability.BlockVolume.newBuilder())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                        .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)).build();
    }

    static CreateVolumeRequest.Builder request(String name, long bytes, VolumeCapability cap, Map<String, String> params) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(cap).putAllParameters(params)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes));
    }

    static Volume create(String name, long bytes, VolumeCapability cap, Map<String, String> params) {
        return csi.controller().createVolume(request(name, bytes, cap, params).build()).getVolume();
    }

    static Status.Code codeOf(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    // ---- identity and capabilities ----------------------------------------------------------------------------

    @Test
    void itIsTheOriginalDriverAndAdvertisesWhatTheBackendOffers() {
        assertThat(csi.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance()).getName())
                .isEqualTo("com.hammerspace.csi");
        assertThat(csi.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
        var plugin = csi.identity().getPluginCapabilities(GetPluginCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList();
        assertThat(plugin).anyMatch(c -> c.getService().getType() == PluginCapability.Service.Type.CONTROLLER_SERVICE)
                .anyMatch(c -> c.getService().getType()
                        == PluginCapability.Service.Type.VOLUME_ACCESSIBILITY_CONSTRAINTS)
                .anyMatch(c -> c.getVolumeExpansion().getType() == PluginCapability.VolumeExpansion.Type.ONLINE);
        var rpcs = csi.controller().controllerGetCapabilities(ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList().stream().map(c -> c.getRpc().getType()).collect(Collectors.toSet());
        assertThat(rpcs).contains(ControllerServiceCapability.RPC.Type.CREATE_DELETE_VOLUME,
                ControllerServiceCapability.RPC.Type.LIST_VOLUMES, ControllerServiceCapability.RPC.Type.GET_CAPACITY,
                ControllerServiceCapability.RPC.Type.CREATE_DELETE_SNAPSHOT,
                ControllerServiceCapability.RPC.Type.LIST_SNAPSHOTS, ControllerServiceCapability.RPC.Type.CLONE_VOLUME,
                ControllerServiceCapability.RPC.Type.EXPAND_VOLUME, ControllerServiceCapability.RPC.Type.GET_VOLUME)
                .doesNotContain(ControllerServiceCapability.RPC.Type.PUBLISH_UNPUBLISH_VOLUME);
        assertThat(codeOf(() -> csi.controller().controllerPublishVolume(ControllerPublishVolumeRequest.newBuilder()
                .setVolumeId("/x").setNodeId("worker-1").setVolumeCapability(nfs()).build())))
                .isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    void nodesReportTheDataPortalSegment() {
        var info = csi.node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance());
        assertThat(info.getNodeId()).isEqualTo("worker-1");
        assertThat(info.getAccessibleTopology().getSegmentsMap())
                .containsEntry("topology.csi.hammerspace.com/is-data-portal", "false");
    }

    // ---- volumes ----------------------------------------------------------------------------------------------

    @Test
    void aShareVolumeIsCreatedWithTheOriginalParametersAndIdAndRepeatsAreIdempotent() {
        Map<String, String> params = Map.of("exportOptions", "10.0.0.0/8,RW,false; *,RO,true", "deleteDelay", "0",
                "objectives", "keep-online", "csi.storage.k8s.io/pvc/name", "data");
        Volume v = create("pvc-it-share", 64 * MIB, nfs(), params);

        assertThat(v.getVolumeId()).isEqualTo("/pvc-it-share");
        assertThat(v.getCapacityBytes()).isEqualTo(64 * MIB);
        assertThat(v.getVolumeContextMap()).containsEntry("csi4j.io/data", "nfs")
                .containsEntry("csi4j.io/export", "/pvc-it-share").containsEntry("mode", "Filesystem");
        Map<String, Object> share = sim.share("pvc-it-share").orElseThrow();
        assertThat(share.get("shareSizeLimit")).isEqualTo(64 * MIB);
        assertThat(share.get("exportOptions").toString()).contains("10.0.0.0/8").contains("RO");
        assertThat(share.get("objectives").toString()).contains("keep-online");

        assertThat(create("pvc-it-share", 64 * MIB, nfs(), params)).isEqualTo(v);
        assertThat(codeOf(() -> create("pvc-it-share", 128 * MIB, nfs(), params))).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void fileBackedVolumesAreSparseFilesInTheirBackingShare() throws Exception {
        Volume fs = create("pvc-it-ext4", 64 * MIB, ext4(), Map.of("fsType", "ext4", "mountBackingShareName", "it-files"));
        Volume raw = create("pvc-it-raw", 32 * MIB, block(), Map.of("blockBackingShareName", "it-blocks"));

        assertThat(fs.getVolumeId()).isEqualTo("/it-files/pvc-it-ext4");
        assertThat(fs.getVolumeContextMap()).containsEntry("csi4j.io/data", "nfs-image")
                .containsEntry("csi4j.io/file", "pvc-it-ext4").containsEntry("csi4j.io/fs-type", "ext4");
        assertThat(raw.getVolumeContextMap()).containsEntry("mode", "Block");
        assertThat(Files.size(sim.root().resolve("it-files/pvc-it-ext4"))).isEqualTo(64 * MIB);
        assertThat(Files.size(sim.root().resolve("it-blocks/pvc-it-raw"))).isEqualTo(32 * MIB);
    }

    @Test
    void validateListGetCapacityAndExpandWorkOnEveryKind() {
        Volume share = create("pvc-it-misc", 64 * MIB, nfs(), Map.of());
        Volume file = create("pvc-it-misc-file", 64 * MIB, block(), Map.of("blockBackingShareName", "it-blocks"));

        var ok = csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(share.getVolumeId()).addVolumeCapabilities(nfs()).build());
        assertThat(ok.hasConfirmed()).isTrue();
        var no = csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(share.getVolumeId()).addVolumeCapabilities(block()).build());
        assertThat(no.hasConfirmed()).isFalse();
        assertThat(codeOf(() -> csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest
                .newBuilder().setVolumeId("/it-missing").addVolumeCapabilities(nfs()).build())))
                .isEqualTo(Status.Code.NOT_FOUND);

        List<String> ids = csi.controller().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntriesList()
                .stream().map(e -> e.getVolume().getVolumeId()).toList();
        assertThat(ids).contains(share.getVolumeId(), file.getVolumeId())
                .doesNotContain("/it-blocks", "/csi4j-catalog", "sim-volume-1");
        var paged = csi.controller().listVolumes(ListVolumesRequest.newBuilder().setMaxEntries(1).build());
        assertThat(paged.getEntriesCount()).isEqualTo(1);
        assertThat(paged.getNextToken()).isNotEmpty();

        var got = csi.controller().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId(share.getVolumeId()).build());
        assertThat(got.getVolume().getVolumeId()).isEqualTo(share.getVolumeId());
        assertThat(got.getStatus().getVolumeCondition().getAbnormal()).isFalse();

        assertThat(csi.controller().getCapacity(GetCapacityRequest.newBuilder().addVolumeCapabilities(nfs()).build())
                .getAvailableCapacity()).isPositive();

        var grownShare = csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId(share.getVolumeId()).setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(96 * MIB))
                .build());
        assertThat(grownShare.getCapacityBytes()).isEqualTo(96 * MIB);
        assertThat(grownShare.getNodeExpansionRequired()).isFalse();
        var grownFile = csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId(file.getVolumeId()).setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(96 * MIB))
                .setVolumeCapability(block()).build());
        assertThat(grownFile.getNodeExpansionRequired()).isTrue();
        assertThat(sim.share("pvc-it-misc").orElseThrow().get("shareSizeLimit")).isEqualTo(96 * MIB);
    }

    // ---- snapshots, restores, clones --------------------------------------------------------------------------

    @Test
    void snapshotsRestoresAndClonesCarryTheData() throws Exception {
        Volume src = create("pvc-it-src", 64 * MIB, nfs(), Map.of());
        Files.writeString(sim.root().resolve("pvc-it-src/hello.txt"), "from the snapshot");
        var snap = csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snap-it-1")
                .setSourceVolumeId(src.getVolumeId()).build()).getSnapshot();
        Files.writeString(sim.root().resolve("pvc-it-src/hello.txt"), "changed later");
        assertThat(snap.getReadyToUse()).isTrue();
        assertThat(snap.getSnapshotId()).endsWith("|/pvc-it-src");
        assertThat(csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snap-it-1")
                .setSourceVolumeId(src.getVolumeId()).build()).getSnapshot()).isEqualTo(snap);

        Volume restored = csi.controller().createVolume(request("pvc-it-restored", 64 * MIB, nfs(), Map.of())
                .setVolumeContentSource(VolumeContentSource.newBuilder().setSnapshot(
                        VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId(snap.getSnapshotId()))).build())
                .getVolume();
        assertThat(restored.getContentSource().getSnapshot().getSnapshotId()).isEqualTo(snap.getSnapshotId());
        assertThat(Files.readString(sim.root().resolve("pvc-it-restored/hello.txt"))).isEqualTo("from the snapshot");

        Volume clone = csi.controller().createVolume(request("pvc-it-clone", 64 * MIB, nfs(), Map.of())
                .setVolumeContentSource(VolumeContentSource.newBuilder().setVolume(
                        VolumeContentSource.VolumeSource.newBuilder().setVolumeId(src.getVolumeId()))).build())
                .getVolume();
        assertThat(Files.readString(sim.root().resolve(clone.getVolumeId().substring(1) + "/hello.txt")))
                .isEqualTo("changed later");

        var listed = csi.controller().listSnapshots(ListSnapshotsRequest.newBuilder()
                .setSourceVolumeId(src.getVolumeId()).build()).getEntriesList();
        assertThat(listed).extracting(e -> e.getSnapshot().getSnapshotId()).containsExactly(snap.getSnapshotId());
        assertThat(csi.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSnapshotId(snap.getSnapshotId())
                .build()).getEntriesCount()).isEqualTo(1);

        csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        assertThat(sim.shareSnapshots("pvc-it-src")).isEmpty();
    }

    @Test
    void fileSnapshotsAreRestoredAndDeletedAndDoNotBlockTheVolumesDeletion() throws Exception {
        Map<String, String> params = Map.of("fsType", "ext4", "mountBackingShareName", "it-files");
        Volume v = create("pvc-it-fsnap", 64 * MIB, ext4(), params);
        try (var f = new java.io.RandomAccessFile(sim.root().resolve("it-files/pvc-it-fsnap").toFile(), "rw")) {
            f.seek(4096);
            f.writeUTF("image data");
        }
        var snap = csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snap-it-file")
                .setSourceVolumeId(v.getVolumeId()).build()).getSnapshot();
        assertThat(snap.getSnapshotId().length()).isLessThanOrEqualTo(128);

        Volume restored = csi.controller().createVolume(request("pvc-it-frestored", 128 * MIB, ext4(), params)
                .setVolumeContentSource(VolumeContentSource.newBuilder().setSnapshot(
                        VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId(snap.getSnapshotId()))).build())
                .getVolume();
        Path image = sim.root().resolve(restored.getVolumeId().substring(1));
        assertThat(Files.size(image)).isEqualTo(128 * MIB);
        try (var f = new java.io.RandomAccessFile(image.toFile(), "r")) {
            f.seek(4096);
            assertThat(f.readUTF()).isEqualTo("image data");
        }

        csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).build());
        assertThat(Files.exists(sim.root().resolve("it-files/pvc-it-fsnap"))).isFalse();
        csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        assertThat(sim.root().resolve("it-files/.fsnapshot/pvc-it-fsnap")).doesNotExist();
    }

    // ---- deletion and the original plugin's volumes ------------------------------------------------------------

    @Test
    void deletesRemoveTheVolumeAndUnknownIdsAreFine() {
        Volume v = create("pvc-it-del", 64 * MIB, nfs(), Map.of("deleteDelay", "0"));
        csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).build());
        assertThat(sim.shareState("pvc-it-del")).isEmpty();
        for (String id : List.of(v.getVolumeId(), "/it-never-existed", "not-an-id-of-any-shape", "/a/b/c")) {
            assertThat(codeOf(() -> csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id)
                    .build()))).as(id).isEqualTo(Status.Code.OK);
        }
    }

    @Test
    void volumesOfTheOriginalPluginKeepWorkingByTheirIds() throws Exception {
        var api = new io.csi4j.adapters.hammerspace.rest.HammerspaceApi(io.csi4j.adapters.hammerspace.rest.HsHttp.create(
                io.csi4j.adapters.hammerspace.rest.ClientConfig.of(sim.endpoint(), sim.config().username(),
                        new io.csi4j.adapters.hammerspace.rest.Secret(sim.config().password()))
                        .withTls(true, java.util.Optional.of(dir.resolve("anvil-ca.pem")))).get());
        try (api) {
            api.createShare(new io.csi4j.adapters.hammerspace.rest.Model.ShareRequest("pvc-from-the-original",
                    "Created by CSI driver", Map.of("csi_created_by_plugin_name", "com.hammerspace.csi",
                            "csi_delete_delay", "0"), java.util.OptionalLong.of(16 * MIB), List.of(), List.of())).get();
        }
        var grown = csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("/pvc-from-the-original").setCapacityRange(CapacityRange.newBuilder()
                        .setRequiredBytes(32 * MIB)).build());
        assertThat(grown.getCapacityBytes()).isEqualTo(32 * MIB);
        var snap = csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snap-of-original")
                .setSourceVolumeId("/pvc-from-the-original").build()).getSnapshot();
        csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId("/pvc-from-the-original").build());
        assertThat(sim.shareState("pvc-from-the-original")).isEmpty();
    }

    // ---- bad input and failures --------------------------------------------------------------------------------

    @Test
    void badInputGetsTheRightCodeAndCreatesNothing() {
        create("pvc-it-warm", 64 * MIB, nfs(), Map.of());
        List<String> before = sim.shareNames();

        assertThat(codeOf(() -> create("pvc-it-bad-1", 64 * MIB, nfs(), Map.of("objectives", "no-such-objective"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> create("pvc-it-bad-2", 64 * MIB, nfs(), Map.of("exportOptions", "10.0.0.0/8;RW"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> create("pvc-it-bad-3", 64 * MIB, ext4(), Map.of("fsType", "ext4",
                "mountBackingShareName", "b".repeat(81))))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> create("pvc-it-bad-4", 64 * MIB, nfs(), Map.of("volumeNameFormat", "%s/%s"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> create("pvc-it-bad-5", 64 * MIB, nfs(), Map.of("noSuchParameter", "1"))))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("/a/b/c").setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(MIB)).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snap-bad")
                .setSourceVolumeId("no-shape").build()))).isEqualTo(Status.Code.NOT_FOUND);

        assertThat(sim.shareNames()).isEqualTo(before);
    }

    @Test
    void aFailedTaskIsUnavailableNotInternalAndTheRetrySucceeds() {
        sim.faults().nextTask("share-create", TaskPlan.failing("FAILED", "tier offline", "EXECUTING"));

        assertThat(codeOf(() -> create("pvc-it-retry", 64 * MIB, nfs(), Map.of()))).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(sim.shareState("pvc-it-retry")).isEmpty();

        assertThat(create("pvc-it-retry", 64 * MIB, nfs(), Map.of()).getVolumeId()).isEqualTo("/pvc-it-retry");
    }

    @Test
    void anUnreachableAnvilIsUnavailable() {
        sim.faults().failRequests("*", "", 503, 3);
        try {
            assertThatThrownBy(() -> csi.controller().listVolumes(ListVolumesRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            sim.faults().clear();
        }
    }
}
