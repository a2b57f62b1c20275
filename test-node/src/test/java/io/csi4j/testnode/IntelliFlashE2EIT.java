package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER;
import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerExpandVolumeResponse;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import io.csi4j.simulator.intelliflash.model.Share;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IntelliFlash (file flavour) end to end: the real controller on the host, configured with the original driver's
 * {@code arrays:} file and name, makes a share on the simulated array and grants the guest's address at
 * ControllerPublish; the guest mounts the share over NFS from the array's export path (ganesha serves the
 * simulator's data directory there) and its data lands in the array's share directory.
 */
class IntelliFlashE2EIT extends Scenario {

    private static final String FILE_DRIVER = "intelliflash-csi-file-driver.intelliflash.com";
    private static final String BLOCK_DRIVER = "intelliflash-csi-block-driver.intelliflash.com";
    /** The tgtd target serving the array's LUNs under the array's own target name (next to {@link Targets}' 1..4). */
    private static final int ARRAY_TID = 10;

    private static ControllerProcess controller;
    /** The block flavour: a second controller, as the original block driver is a deployment of its own. */
    private static ControllerProcess blockController;

    IntelliFlashE2EIT(TestNode node) {
        super(node);
    }

    @BeforeAll
    static void startController(TestNode node) throws Exception {
        IntelliFlashSimulator array = node.arrays.intelliflash;
        Path dir = Files.createDirectories(node.logs().resolve("intelliflash-controller"));
        Path ca = array.writeCertificate(dir.resolve("array.pem"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("driver-config.yaml"), "arrays:\n" + node.arrays.intelliflashFileArray("  ")
                + "caFile: " + ca + "\n");
        controller = ControllerProcess.start("controller", dir, Map.of(), "--config", etc.toString(),
                "--driver-name", FILE_DRIVER, "--node-id", "controller-1");
        Path blockDir = Files.createDirectories(node.logs().resolve("intelliflash-block-controller"));
        Path blockEtc = Files.createDirectories(blockDir.resolve("etc"));
        Files.writeString(blockEtc.resolve("driver-config.yaml"), "arrays:\n"
                + node.arrays.intelliflashBlockArray("  ") + "caFile: " + ca + "\n");
        blockController = ControllerProcess.start("controller", blockDir, Map.of(), "--config", blockEtc.toString(),
                "--driver-name", BLOCK_DRIVER, "--node-id", "controller-1");
    }

    @AfterAll
    static void stopController() throws InterruptedException {
        if (controller != null) {
            controller.close();
        }
        if (blockController != null) {
            blockController.close();
        }
    }

    private static final long MIB = Targets.MIB;
    private static final VolumeCapability NFS = Requests.mount("", MULTI_NODE_MULTI_WRITER);

    /** Made by the controller; deleted after the test even when it failed, after the node let go of it. */
    private Volume create(CreateVolumeRequest.Builder request) {
        return create(controller, request);
    }

    private Volume create(ControllerProcess by, CreateVolumeRequest.Builder request) {
        Volume v = by.controller().createVolume(request.build()).getVolume();
        atEnd(() -> quietly(() -> by.controller().deleteVolume(DeleteVolumeRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).build())));
        return v;
    }

    private static CreateVolumeRequest.Builder request(String name, long bytes, VolumeCapability capability) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(capability)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes));
    }

    private Snapshot snapshot(String name, Volume source) {
        return snapshot(controller, name, source);
    }

    private Snapshot snapshot(ControllerProcess by, String name, Volume source) {
        Snapshot s = by.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName(name)
                .setSourceVolumeId(source.getVolumeId()).build()).getSnapshot();
        atEnd(() -> quietly(() -> by.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder()
                .setSnapshotId(s.getSnapshotId()).build())));
        return s;
    }

    private static VolumeContentSource fromSnapshot(Snapshot s) {
        return VolumeContentSource.newBuilder().setSnapshot(VolumeContentSource.SnapshotSource.newBuilder()
                .setSnapshotId(s.getSnapshotId())).build();
    }

    private String nodeId() {
        return csi().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()).getNodeId();
    }

    /**
     * ControllerPublish to the guest (unpublished after the test), and the node requests kubelet would send with the
     * volume context and the publish context as they came.
     */
    private Requests attach(ControllerProcess by, Volume volume, VolumeCapability capability) {
        String nodeId = nodeId();
        Map<String, String> published = by.controller().controllerPublishVolume(ControllerPublishVolumeRequest
                .newBuilder().setVolumeId(volume.getVolumeId()).setNodeId(nodeId).setVolumeCapability(capability)
                .putAllVolumeContext(volume.getVolumeContextMap()).build()).getPublishContextMap();
        atEnd(() -> quietly(() -> detach(by, volume)));
        Map<String, String> both = new TreeMap<>(volume.getVolumeContextMap());
        both.putAll(published);
        DataPath path = DataPathCodec.decode(both).get().orElseThrow(
                () -> new AssertionError("no data path in the volume and publish contexts: " + both));
        return Requests.of(volume.getVolumeId(), capability, path).withContext(volume.getVolumeContextMap())
                .withPublishContext(published);
    }

    private void detach(ControllerProcess by, Volume volume) {
        by.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder()
                .setVolumeId(volume.getVolumeId()).setNodeId(nodeId()).build());
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // already gone, or the test's own failure says more
        }
    }

    /** The array's share {@code <project>/<name>} as the simulator holds it. */
    private Share share(String name) {
        var model = node.arrays.intelliflash.model();
        return model.locked(() -> (Share) model.datasets.get("pool-a/Local/" + Arrays.INTELLIFLASH_FILE_PROJECT + "/"
                + name));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> nfsExports() {
        return (List<Map<String, Object>>) node.arrays.intelliflash.exports().get("nfs");
    }

    @Test
    void aShareMadeByTheControllerIsGrantedToTheNodeMountedOverNfsAndItsDataLandsOnTheArray() throws Exception {
        VolumeCapability nfs = Requests.mount("", MULTI_NODE_MULTI_WRITER);
        Volume volume = controller.controller().createVolume(CreateVolumeRequest.newBuilder().setName("pvc-e2e-if")
                .addVolumeCapabilities(nfs).setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(64L << 20))
                .build()).getVolume();
        try {
            assertThat(volume.getVolumeId()).isEqualTo(Arrays.INTELLIFLASH_FILE_CONFIG + ":"
                    + Arrays.INTELLIFLASH_FILE_PROJECT + ":pvc-e2e-if");
            String nodeId = csi().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()).getNodeId();
            assertThat(nodeId).contains("ip=" + Network.GUEST);

            Map<String, String> published = controller.controller().controllerPublishVolume(
                    ControllerPublishVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId()).setNodeId(nodeId)
                            .setVolumeCapability(nfs).putAllVolumeContext(volume.getVolumeContextMap()).build())
                    .getPublishContextMap();
            assertThat(nfsExports()).singleElement().satisfies(e -> assertThat(e.get("acl").toString())
                    .contains(Network.GUEST));
            Path onArray = Path.of(nfsExports().getFirst().get("path").toString());
            String exportPath = nfsExports().getFirst().get("mountPoint").toString();

            Map<String, String> both = new TreeMap<>(volume.getVolumeContextMap());
            both.putAll(published);
            DataPath path = DataPathCodec.decode(both).get().orElseThrow();
            var v = Requests.of(volume.getVolumeId(), nfs, path).withContext(volume.getVolumeContextMap())
                    .withPublishContext(published);

            stage(v);
            publish(v, "pod", false);

            Guest.Mount staged = guest.at(v.staging()).orElseThrow();
            assertThat(staged.fsType()).startsWith("nfs");
            assertThat(staged.source()).isEqualTo(Servers.ADDRESS + ":" + exportPath);
            String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);
            assertThat(Files.size(onArray.resolve("data.bin"))).as("written into the array's share")
                    .isEqualTo(4L << 20);
            assertThat(sum).isNotBlank();

            unpublish(v, "pod");
            unstage(v);
            assertNothingLeft(v);
            controller.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder()
                    .setVolumeId(volume.getVolumeId()).setNodeId(nodeId).build());
            assertThat(nfsExports()).noneSatisfy(e -> assertThat(e.get("acl").toString()).contains(Network.GUEST));

            controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                    .build());
            assertThat(onArray).doesNotExist();
        } finally {
            try {
                controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder()
                        .setVolumeId(volume.getVolumeId()).build());
            } catch (RuntimeException ignored) {
                // already deleted, or the test's own failure says more
            }
        }
    }

    @Test
    void aShareIsSnapshottedRestoredIntoANewShareWithTheSnapshotsDataAndExpandedOnline() throws Exception {
        Volume share = create(request("pvc-e2e-if-snap", 64 * MIB, NFS));
        var v = attach(controller, share, NFS);
        stage(v);
        publish(v, "pod", false);
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);

        Snapshot snap = snapshot("snap-e2e-if", share);
        assertThat(snap.getSnapshotId()).isEqualTo(share.getVolumeId() + "@snap-e2e-if");
        assertThat(snap.getReadyToUse()).isTrue();
        assertThat(snap.getSourceVolumeId()).isEqualTo(share.getVolumeId());
        // Written after the snapshot: the restore must not hold it.
        String later = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);
        assertThat(later).isNotEqualTo(sum);
        guest.must("echo later > " + v.target("pod") + "/later.txt && sync");

        Volume restored = create(request("pvc-e2e-if-restored", 64 * MIB, NFS).setVolumeContentSource(
                fromSnapshot(snap)));
        assertThat(restored.getContentSource().getSnapshot().getSnapshotId()).isEqualTo(snap.getSnapshotId());
        var r = attach(controller, restored, NFS);
        stage(r);
        publish(r, "pod-restored", false);
        Guest.Mount mounted = guest.at(r.staging()).orElseThrow();
        assertThat(mounted.fsType()).startsWith("nfs");
        assertThat(mounted.source()).isEqualTo(Servers.ADDRESS + ":/export/" + Arrays.INTELLIFLASH_FILE_PROJECT
                + "/pvc-e2e-if-restored");
        assertThat(guest.readBack(r.target("pod-restored") + "/data.bin")).as("the snapshot's data, not the later write")
                .isEqualTo(sum);
        assertThat(guest.run("[ -e " + r.target("pod-restored") + "/later.txt ]").ok()).as("written after the snapshot")
                .isFalse();
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).as("the source keeps its own data").isEqualTo(later);
        // The restored share is a share of its own: what the pod writes there stays there.
        String restoredSum = guest.writeAndReadBack(r.target("pod-restored") + "/own.bin", 2);
        assertThat(guest.run("[ -e " + v.target("pod") + "/own.bin ]").ok()).isFalse();

        // Online expansion of an NFS share is the array's quota alone: no node step.
        ControllerExpandVolumeResponse grown = controller.controller().controllerExpandVolume(
                ControllerExpandVolumeRequest.newBuilder().setVolumeId(share.getVolumeId()).setVolumeCapability(NFS)
                        .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(128 * MIB)).build());
        assertThat(grown.getCapacityBytes()).isEqualTo(128 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isFalse();
        assertThat(share("pvc-e2e-if-snap").quota).as("the array's quota").isEqualTo(128 * MIB);
        // The simulator does not enforce quotas on the files (ganesha reports its own filesystem): the mount is
        // what the guest sees, and it keeps working through the change.
        assertThat(guest.at(v.staging()).orElseThrow().source()).isEqualTo(Servers.ADDRESS + ":/export/"
                + Arrays.INTELLIFLASH_FILE_PROJECT + "/pvc-e2e-if-snap");
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(later);
        guest.writeAndReadBack(v.target("pod") + "/after-expand.bin", 2);

        unpublish(v, "pod");
        unpublish(r, "pod-restored");
        unstage(v);
        unstage(r);
        assertNothingLeft(v);
        assertNothingLeft(r);
        detach(controller, share);
        detach(controller, restored);
        assertThat(nfsExports()).noneSatisfy(e -> assertThat(e.get("acl").toString()).contains(Network.GUEST));

        Path restoredOnArray = node.servers.intelliflashData().resolve("pool-a/Local/"
                + Arrays.INTELLIFLASH_FILE_PROJECT + "/pvc-e2e-if-restored");
        assertThat(Files.size(restoredOnArray.resolve("own.bin"))).isEqualTo(2 * MIB);
        assertThat(restoredSum).isNotBlank();
        controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(restored.getVolumeId())
                .build());
        controller.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId())
                .build());
        controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(share.getVolumeId())
                .build());
        assertThat(share("pvc-e2e-if-snap")).isNull();
        assertThat(share("pvc-e2e-if-restored")).isNull();
        assertThat(restoredOnArray).doesNotExist();
        assertThat(restoredOnArray.resolveSibling("pvc-e2e-if-snap")).doesNotExist();
        try (var left = Files.walk(node.servers.intelliflashData().resolve(".snapshots"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("snapshot copies left").isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lunExport(String volumeName) {
        String file = node.servers.intelliflashData().resolve("pool-a/Local/" + Arrays.INTELLIFLASH_BLOCK_PROJECT + "/"
                + volumeName).toString();
        return ((List<Map<String, Object>>) node.arrays.intelliflash.exports().get("luns")).stream()
                .filter(l -> l.get("path").equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("the array exports no LUN of " + file));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLunIsMappedToTheGuestsInitiatorFormattedWrittenGrownOnlineAndLeavesNothing() throws Exception {
        VolumeCapability ext4 = Requests.mount("ext4", SINGLE_NODE_WRITER);
        Volume volume = create(blockController, request("pvc-e2e-if-lun", 64 * MIB, ext4));
        assertThat(volume.getVolumeId()).isEqualTo(Arrays.INTELLIFLASH_BLOCK_CONFIG + ":"
                + Arrays.INTELLIFLASH_BLOCK_PROJECT + ":pvc-e2e-if-lun");
        String initiator = guest.must("sed -n 's/^InitiatorName=//p' /etc/iscsi/initiatorname.iscsi").strip();
        assertThat(nodeId()).as("the guest's node id names its initiator").contains("iqn=" + initiator);

        var v = attach(blockController, volume, ext4);
        DataPath.IscsiLun path = (DataPath.IscsiLun) v.dataPath();
        Map<String, Object> exported = lunExport("pvc-e2e-if-lun");
        String portal = Servers.ADDRESS + ":3260";
        assertThat(path.portals()).containsExactly(portal);
        assertThat(path.targetIqn()).isEqualTo(((List<?>) exported.get("targets")).getFirst());
        assertThat(path.lun()).isEqualTo(exported.get("lun")).isPositive();
        assertThat((List<Object>) exported.get("initiators")).as("ControllerPublish put the guest in the host group")
                .containsExactly(initiator);
        Path file = Path.of(exported.get("path").toString());
        // tgtd serves the array's LUN: the array's target name, its LUN number and its volume file, open to the
        // initiators of the view's host group.
        node.servers.arrayTarget(ARRAY_TID, path.targetIqn(), List.of(initiator));
        atEnd(() -> quietly(() -> node.servers.deleteTarget(ARRAY_TID)));
        node.servers.lun(ARRAY_TID, path.lun(), file);

        stage(v);
        publish(v, "pod", false);
        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("ext4");
        assertThat(staged.source()).startsWith("/dev/sd");
        assertThat(guest.sessions()).anySatisfy(s -> assertThat(s).contains(portal, path.targetIqn()));
        assertThat(guest.must("blockdev --getsize64 " + staged.source()).strip()).isEqualTo(Long.toString(64 * MIB));
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 8);
        long before = guest.filesystemBytes(v.target("pod"));

        // The array grows the volume; tgtd reads the new size of the file when the LUN is made again (nothing may
        // be in flight then); the node rescans and grows the filesystem while it is published.
        guest.must("sync");
        ControllerExpandVolumeResponse grown = blockController.controller().controllerExpandVolume(
                ControllerExpandVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId()).setVolumeCapability(ext4)
                        .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(128 * MIB)).build());
        assertThat(grown.getCapacityBytes()).isEqualTo(128 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isTrue();
        assertThat(Files.size(file)).as("the array's volume").isEqualTo(128 * MIB);
        node.servers.remakeLun(ARRAY_TID, path.lun(), file);
        assertThat(csi().nodeExpandVolume(v.expand(v.target("pod"), 128 * MIB)).getCapacityBytes())
                .isGreaterThanOrEqualTo(128 * MIB);
        assertThat(guest.must("blockdev --getsize64 " + staged.source()).strip()).isEqualTo(Long.toString(128 * MIB));
        assertThat(guest.filesystemBytes(v.target("pod"))).as("the filesystem grew while published")
                .isGreaterThan(before + 50 * MIB);
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(sum);

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
        assertThat(guest.sessions()).noneMatch(s -> s.contains(path.targetIqn()));
        assertThat(guest.records()).noneMatch(s -> s.contains(path.targetIqn()));
        detach(blockController, volume);
        node.servers.deleteTarget(ARRAY_TID);
        blockController.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                .build());
        assertThat(file).as("the array's volume is gone").doesNotExist();
    }

    @Test
    void aLunSnapshotIsRestoredIntoANewLunThatHoldsTheSnapshotsData() throws Exception {
        VolumeCapability ext4 = Requests.mount("ext4", SINGLE_NODE_WRITER);
        String initiator = guest.must("sed -n 's/^InitiatorName=//p' /etc/iscsi/initiatorname.iscsi").strip();
        Volume volume = create(blockController, request("pvc-e2e-if-lun-src", 64 * MIB, ext4));
        var v = attach(blockController, volume, ext4);
        DataPath.IscsiLun path = (DataPath.IscsiLun) v.dataPath();
        node.servers.arrayTarget(ARRAY_TID, path.targetIqn(), List.of(initiator));
        atEnd(() -> quietly(() -> node.servers.deleteTarget(ARRAY_TID)));
        node.servers.lun(ARRAY_TID, path.lun(), Path.of(lunExport("pvc-e2e-if-lun-src").get("path").toString()));
        stage(v);
        publish(v, "pod", false);
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);
        // What the pod wrote reaches the array's file before the array copies it (crash-consistent, as on an array).
        guest.must("sync");

        Snapshot snap = snapshot(blockController, "snap-e2e-if-lun", volume);
        assertThat(snap.getSnapshotId()).isEqualTo(volume.getVolumeId() + "@snap-e2e-if-lun");
        assertThat(snap.getReadyToUse()).isTrue();
        String later = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);
        assertThat(later).isNotEqualTo(sum);

        Volume restored = create(blockController, request("pvc-e2e-if-lun-restored", 64 * MIB, ext4)
                .setVolumeContentSource(fromSnapshot(snap)));
        var r = attach(blockController, restored, ext4);
        DataPath.IscsiLun restoredPath = (DataPath.IscsiLun) r.dataPath();
        assertThat(restoredPath.targetIqn()).isEqualTo(path.targetIqn());
        assertThat(restoredPath.lun()).as("a LUN of its own").isNotEqualTo(path.lun()).isPositive();
        node.servers.lun(ARRAY_TID, restoredPath.lun(), Path.of(lunExport("pvc-e2e-if-lun-restored").get("path")
                .toString()));
        stage(r);
        Guest.Mount staged = guest.at(r.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("ext4");
        assertThat(staged.source()).isNotEqualTo(guest.at(v.staging()).orElseThrow().source());
        assertThat(guest.sessions()).as("both LUNs through one session").filteredOn(s -> s.contains(path.targetIqn()))
                .hasSize(1);
        assertThat(guest.readBack(r.staging() + "/data.bin")).as("the snapshot's data, not the later write")
                .isEqualTo(sum);
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(later);

        unstage(r);
        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
        assertNothingLeft(r);
        assertThat(guest.sessions()).noneMatch(s -> s.contains(path.targetIqn()));
        detach(blockController, restored);
        detach(blockController, volume);
        node.servers.deleteTarget(ARRAY_TID);
        blockController.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(restored.getVolumeId())
                .build());
        blockController.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(
                snap.getSnapshotId()).build());
        blockController.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(volume.getVolumeId())
                .build());
        Path project = node.servers.intelliflashData().resolve("pool-a/Local/" + Arrays.INTELLIFLASH_BLOCK_PROJECT);
        assertThat(project.resolve("pvc-e2e-if-lun-src")).doesNotExist();
        assertThat(project.resolve("pvc-e2e-if-lun-restored")).doesNotExist();
        try (var left = Files.walk(node.servers.intelliflashData().resolve(".snapshots"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("snapshot copies left").isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anSmbShareIsSharedAtPublishAndMountedWithTheNodeStageSecrets() throws Exception {
        VolumeCapability cifs = Requests.mount("", MULTI_NODE_MULTI_WRITER);
        Volume share = create(request("pvc-e2e-if-smb", 64 * MIB, cifs).putParameters("mountFsType", "cifs"));
        var v = attach(controller, share, cifs).withSecrets(Map.of("username", Servers.SMB_USER, "password",
                Servers.SMB_PASSWORD));
        assertThat(v.dataPath()).isInstanceOf(DataPath.SmbShare.class);
        List<Map<String, Object>> smb = (List<Map<String, Object>>) node.arrays.intelliflash.exports().get("smb");
        assertThat(smb).as("shared over SMB by ControllerPublish").singleElement()
                .satisfies(e -> assertThat(e.get("name")).isEqualTo(Arrays.INTELLIFLASH_FILE_PROJECT
                        + "_pvc-e2e-if-smb"));
        Path onArray = Path.of(smb.getFirst().get("path").toString());
        // samba serves what the array shares, under the array's share name.
        node.servers.smbArrayShare(smb.getFirst().get("name").toString(), onArray);

        stage(v);
        publish(v, "pod", false);
        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("cifs");
        assertThat(staged.source()).isEqualTo("//" + Servers.ADDRESS + "/" + Arrays.INTELLIFLASH_FILE_PROJECT
                + "_pvc-e2e-if-smb");
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 4);
        assertThat(Files.size(onArray.resolve("data.bin"))).as("written into the array's share").isEqualTo(4 * MIB);
        assertThat(sum).isNotBlank();
        assertThat(guest.run("ls -d /tmp/csi4j-mount-* 2>/dev/null").output()).as("credentials files left").isBlank();
        assertThat(node.pluginLog()).doesNotContain(Servers.SMB_PASSWORD);
        assertThat(share.getVolumeContextMap().values()).noneMatch(x -> x.contains(Servers.SMB_PASSWORD));

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
        detach(controller, share);
        controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(share.getVolumeId())
                .build());
        assertThat(onArray).doesNotExist();
    }
}
