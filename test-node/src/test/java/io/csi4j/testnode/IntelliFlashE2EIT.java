package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
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

    private static ControllerProcess controller;

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
    }

    @AfterAll
    static void stopController() throws InterruptedException {
        if (controller != null) {
            controller.close();
        }
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
}
