package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER;
import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hammerspace end to end: the real controller (this build's jar in {@code --mode controller} on the host, configured
 * by the original plugin's {@code HS_*} environment) provisions on the simulated Anvil, whose namespace is a
 * directory inside the NFS export; the node plugin in the guest stages what the controller returned, with the
 * volume context as it came. Share volumes are NFS mounts; file-backed volumes (ext4, raw block) are images in a
 * backing share attached to loop devices.
 */
class HammerspaceE2EIT extends Scenario {

    private static final long MIB = Targets.MIB;
    private static final String SHARES = Requests.KUBELET + "/plugins/csi4j.io/shares/";

    private static ControllerProcess controller;

    HammerspaceE2EIT(TestNode node) {
        super(node);
    }

    @BeforeAll
    static void startController(TestNode node) throws Exception {
        HammerspaceSimulator anvil = node.arrays.anvil;
        Path dir = node.logs().resolve("hammerspace-controller");
        Path ca = anvil.writeCaPem(Files.createDirectories(dir).resolve("anvil-ca.pem"));
        // The controller works in the namespace directly (HS_NAMESPACE_ROOT): the host has no NFS client.
        controller = ControllerProcess.start("controller", dir, Map.of("HS_ENDPOINT", anvil.endpoint().toString(),
                "HS_USERNAME", anvil.config().username(), "HS_PASSWORD", anvil.config().password(), "HS_CA_FILE",
                ca.toString(), "HS_NAMESPACE_ROOT", anvil.root().toString(), "HS_DATA_PORTAL_MOUNT_PREFIX",
                node.arrays.anvilMountPrefix()));
    }

    @AfterAll
    static void stopController() throws InterruptedException {
        if (controller != null) {
            controller.close();
        }
    }

    private HammerspaceSimulator anvil() {
        return node.arrays.anvil;
    }

    private Volume create(CreateVolumeRequest.Builder request) {
        Volume v = controller.controller().createVolume(request.build()).getVolume();
        // Deleted after the test even when it failed, after the node let go of it (the undo runs in reverse).
        atEnd(() -> quietly(() -> controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).build())));
        return v;
    }

    private static CreateVolumeRequest.Builder request(String name, long bytes, VolumeCapability capability,
            Map<String, String> parameters) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(capability)
                .putAllParameters(parameters).setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes));
    }

    private Snapshot snapshot(String name, Volume source) {
        Snapshot s = controller.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName(name)
                .setSourceVolumeId(source.getVolumeId()).build()).getSnapshot();
        atEnd(() -> quietly(() -> controller.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder()
                .setSnapshotId(s.getSnapshotId()).build())));
        return s;
    }

    private static VolumeContentSource fromSnapshot(Snapshot s) {
        return VolumeContentSource.newBuilder().setSnapshot(VolumeContentSource.SnapshotSource.newBuilder()
                .setSnapshotId(s.getSnapshotId())).build();
    }

    private long expandOnController(Volume v, long bytes, VolumeCapability capability, boolean nodeStepExpected) {
        var grown = controller.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).setVolumeCapability(capability)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes)).build());
        assertThat(grown.getNodeExpansionRequired()).isEqualTo(nodeStepExpected);
        return grown.getCapacityBytes();
    }

    private void deleteSnapshot(Snapshot s) {
        controller.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(s.getSnapshotId())
                .build());
    }

    private void deleteVolume(Volume v) {
        controller.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId()).build());
    }

    /** The node requests for a volume as the controller returned it: its context goes to the node unchanged. */
    private static Requests onNode(Volume v, VolumeCapability capability) {
        Map<String, String> context = v.getVolumeContextMap();
        DataPath path = DataPathCodec.decode(context).get().orElseThrow(
                () -> new AssertionError("the controller's volume context has no data path: " + context));
        return Requests.of(v.getVolumeId(), capability, path).withContext(context);
    }

    /** The image of a file-backed volume in the Anvil's tree: {@code /<backing share>/<file>}. */
    private Path image(Volume v) {
        return anvil().root().resolve(v.getVolumeId().substring(1));
    }

    // ---- share volumes ------------------------------------------------------------------------------------------

    @Test
    void aShareIsMountedReadWriteAndReadOnlyAndItsSnapshotRestoresIntoANewShare() throws IOException {
        VolumeCapability nfs = Requests.mount("", MULTI_NODE_MULTI_WRITER);
        Volume share = create(request("pvc-e2e-share", 64 * MIB, nfs, Map.of("deleteDelay", "0")));
        var v = onNode(share, nfs);
        assertThat(v.dataPath()).isInstanceOf(DataPath.NfsExport.class);

        stage(v);
        publish(v, "pod-rw", false);
        publish(v, "pod-ro", true);

        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).startsWith("nfs");
        assertThat(staged.source()).isEqualTo(Servers.ADDRESS + ":" + anvil().root().resolve("pvc-e2e-share"));
        String sum = guest.writeAndReadBack(v.target("pod-rw") + "/data.bin", 4);
        assertThat(guest.readBack(v.target("pod-ro") + "/data.bin")).isEqualTo(sum);
        assertThat(Files.size(anvil().root().resolve("pvc-e2e-share/data.bin"))).as("written into the Anvil's share")
                .isEqualTo(4 * MIB);
        assertThat(guest.at(v.target("pod-ro")).orElseThrow().readOnly()).isTrue();
        assertThat(guest.run("touch " + v.target("pod-ro") + "/denied").output()).contains("Read-only file system");
        assertThat(anvil().root().resolve("pvc-e2e-share/denied")).doesNotExist();

        Snapshot snap = snapshot("snap-e2e-share", share);
        assertThat(snap.getReadyToUse()).isTrue();
        guest.writeAndReadBack(v.target("pod-rw") + "/data.bin", 4);
        Volume restored = create(request("pvc-e2e-share-restored", 64 * MIB, nfs, Map.of("deleteDelay", "0"))
                .setVolumeContentSource(fromSnapshot(snap)));
        var r = onNode(restored, nfs);
        stage(r);
        publish(r, "pod-restored", false);
        assertThat(guest.readBack(r.target("pod-restored") + "/data.bin")).as("the snapshot's data, not today's")
                .isEqualTo(sum);

        unpublish(v, "pod-rw");
        unpublish(v, "pod-ro");
        unpublish(r, "pod-restored");
        unstage(v);
        unstage(r);
        assertNothingLeft(v);
        assertNothingLeft(r);

        deleteSnapshot(snap);
        assertThat(anvil().shareSnapshots("pvc-e2e-share")).isEmpty();
        deleteVolume(share);
        deleteVolume(restored);
        assertThat(anvil().shareState("pvc-e2e-share")).isEmpty();
        assertThat(anvil().shareState(restored.getVolumeId().substring(1))).isEmpty();
        assertThat(anvil().root().resolve("pvc-e2e-share")).doesNotExist();
    }

    // ---- file-backed volumes ------------------------------------------------------------------------------------

    @Test
    void anExt4ImageIsLoopMountedGrownOnlineSnapshottedRestoredAndDeletedWithoutLeftovers() throws IOException {
        VolumeCapability ext4 = Requests.mount("ext4", SINGLE_NODE_WRITER);
        Map<String, String> params = Map.of("fsType", "ext4", "mountBackingShareName", "e2e-images");
        Volume volume = create(request("pvc-e2e-ext4", 64 * MIB, ext4, params));
        var v = onNode(volume, ext4);
        assertThat(v.dataPath()).isInstanceOf(DataPath.ImageOnNfs.class);

        stage(v);
        publish(v, "pod", false);

        assertThat(guest.under(SHARES)).singleElement().satisfies(m -> {
            assertThat(m.fsType()).startsWith("nfs");
            assertThat(m.source()).isEqualTo(Servers.ADDRESS + ":" + anvil().root().resolve("e2e-images"));
        });
        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("ext4");
        assertThat(staged.source()).startsWith("/dev/loop");
        assertThat(guest.loops()).singleElement().asString().contains(staged.source()).endsWith("/pvc-e2e-ext4");
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 8);
        long before = total(v.target("pod"));

        assertThat(expandOnController(volume, 128 * MIB, ext4, true)).isEqualTo(128 * MIB);
        assertThat(Files.size(image(volume))).isEqualTo(128 * MIB);
        assertThat(csi().nodeExpandVolume(v.expand(v.target("pod"), 128 * MIB)).getCapacityBytes())
                .isGreaterThanOrEqualTo(128 * MIB);
        assertThat(guest.must("blockdev --getsize64 " + staged.source()).strip()).isEqualTo(Long.toString(128 * MIB));
        assertThat(total(v.target("pod"))).as("the filesystem grew while published").isGreaterThan(before + 50 * MIB);
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(sum);

        // What the pod wrote reaches the server before the Anvil copies the file.
        guest.must("sync");
        Snapshot snap = snapshot("snap-e2e-ext4", volume);
        Volume restored = create(request("pvc-e2e-ext4-restored", 128 * MIB, ext4, params)
                .setVolumeContentSource(fromSnapshot(snap)));
        var r = onNode(restored, ext4);
        stage(r);
        assertThat(guest.loops()).as("each image on its own loop device").hasSize(2);
        assertThat(guest.readBack(r.staging() + "/data.bin")).as("restored from the snapshot").isEqualTo(sum);
        unstage(r);

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
        assertNothingLeft(r);
        assertThat(guest.loops()).isEmpty();
        assertThat(guest.under(SHARES)).as("the last unstage releases the backing share").isEmpty();

        deleteSnapshot(snap);
        deleteVolume(volume);
        deleteVolume(restored);
        assertThat(image(volume)).doesNotExist();
        assertThat(image(restored)).doesNotExist();
        assertThat(filesUnder(anvil().root().resolve("e2e-images/.fsnapshot"))).as("file snapshots left").isEmpty();
    }

    @Test
    void aBlockImageIsAttachedThroughALoopDeviceAndGrownOnline() throws IOException {
        VolumeCapability block = Requests.block(SINGLE_NODE_WRITER);
        Volume volume = create(request("pvc-e2e-block", 32 * MIB, block, Map.of("blockBackingShareName", "e2e-blocks")));
        var v = onNode(volume, block);

        stage(v);
        publish(v, "pod", false);

        String target = v.target("pod");
        assertThat(guest.run("[ -b " + target + " ]").ok()).as("a block device at the target").isTrue();
        assertThat(guest.under(SHARES)).singleElement().satisfies(m -> assertThat(m.source())
                .isEqualTo(Servers.ADDRESS + ":" + anvil().root().resolve("e2e-blocks")));
        assertThat(guest.loops()).singleElement().asString().startsWith("/dev/loop").endsWith("/pvc-e2e-block");
        assertThat(guest.must("blockdev --getsize64 " + target).strip()).isEqualTo(Long.toString(32 * MIB));
        assertThat(guest.run("/usr/sbin/blkid -p " + target).rc()).as("never formatted").isEqualTo(2);
        String sum = guest.writeAndReadBackDevice(target, 4);

        assertThat(expandOnController(volume, 64 * MIB, block, true)).isEqualTo(64 * MIB);
        assertThat(csi().nodeExpandVolume(v.expand(target, 64 * MIB)).getCapacityBytes())
                .isGreaterThanOrEqualTo(64 * MIB);
        assertThat(guest.must("blockdev --getsize64 " + target).strip()).isEqualTo(Long.toString(64 * MIB));
        assertThat(guest.readBackDevice(target, 4)).isEqualTo(sum);

        unpublish(v, "pod");
        assertThat(guest.run("[ -e " + target + " ]").ok()).as("the target file is removed").isFalse();
        unstage(v);
        assertNothingLeft(v);
        assertThat(guest.loops()).isEmpty();
        assertThat(guest.under(SHARES)).isEmpty();

        deleteVolume(volume);
        assertThat(image(volume)).doesNotExist();
    }

    // ---- bad input ------------------------------------------------------------------------------------------------

    @Test
    void badParametersAreInvalidArgumentOverTheSocketAndCreateNothing() throws IOException {
        List<String> shares = anvil().shareNames();
        List<String> tree = filesUnder(anvil().root());

        Status unknownObjective = failure(() -> create(request("pvc-e2e-bad-objective", 64 * MIB,
                Requests.mount("", MULTI_NODE_MULTI_WRITER), Map.of("objectives", "no-such-objective"))));
        Status longBackingShare = failure(() -> create(request("pvc-e2e-bad-backing", 64 * MIB,
                Requests.mount("ext4", SINGLE_NODE_WRITER), Map.of("fsType", "ext4", "mountBackingShareName",
                        "b".repeat(81)))));

        assertThat(unknownObjective.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(unknownObjective.getDescription()).contains("no-such-objective");
        assertThat(longBackingShare.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(anvil().shareNames()).isEqualTo(shares);
        assertThat(filesUnder(anvil().root())).isEqualTo(tree);
    }

    private long total(String path) {
        String[] f = guest.must("stat -f -c '%b %S' " + path).strip().split(" ");
        return Long.parseLong(f[0]) * Long.parseLong(f[1]);
    }

    /** Every path under {@code dir} (relative, sorted); none when it does not exist. */
    private static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // Best effort: the test's assertions already said what went wrong.
        }
    }
}
