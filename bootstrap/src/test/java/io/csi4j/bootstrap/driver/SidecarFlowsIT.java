package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.mount;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerExpandVolumeResponse;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetCapacityResponse;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeGetInfoResponse;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.TopologyRequirement;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call sequences the Kubernetes sidecars really send, against the built driver: the external-provisioner
 * (topology-aware CreateVolume with its extra metadata parameters, GetCapacity per node segment, restore and
 * clone, DeleteVolume with the StorageClass secrets), the external-snapshotter (CreateSnapshot polled until
 * ready, ListSnapshots by id) and the external-resizer. The driver serves every service from one process
 * ({@code --mode all}), and its node reports the topology the provisioner then asks for.
 */
class SidecarFlowsIT {

    /** StorageClass {@code parameters} as the provisioner passes them, after it removed its own prefixed keys. */
    private static final Map<String, String> STORAGE_CLASS = Map.of("kind", "image");
    /** What {@code --extra-create-metadata} adds to every CreateVolume. */
    private static final Map<String, String> PVC_METADATA = Map.of(
            "csi.storage.k8s.io/pvc/name", "data-postgres-0",
            "csi.storage.k8s.io/pvc/namespace", "databases",
            "csi.storage.k8s.io/pv/name", "pvc-placeholder");
    /** StorageClass secrets the provisioner resolves and sends with CreateVolume and DeleteVolume. */
    private static final Map<String, String> SECRETS = Map.of("backend-token", "not-used-by-the-local-backend");

    @TempDir
    static Path dir;

    static LocalDriver driver;

    @BeforeAll
    static void start() throws Exception {
        // One process serving controller and node, as a single-node cluster deploys it.
        driver = LocalDriver.in(dir).mode("all").nodeId("worker-1").maxVolumeSize("64Mi").start();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    /** A PVC's CreateVolume as the provisioner builds it with the Topology feature and a selected node. */
    private static CreateVolumeRequest provision(String pvName, long bytes, VolumeCapability capability) {
        return CreateVolumeRequest.newBuilder()
                .setName(pvName)
                .setCapacityRange(range(bytes, 0))
                .addVolumeCapabilities(capability)
                .putAllParameters(STORAGE_CLASS)
                .putAllParameters(PVC_METADATA)
                .putParameters("csi.storage.k8s.io/pv/name", pvName)
                .putAllSecrets(SECRETS)
                .setAccessibilityRequirements(TopologyRequirement.newBuilder()
                        .addRequisite(LocalDriver.topologyOf("worker-2")).addRequisite(driver.topology())
                        .addPreferred(driver.topology()).addPreferred(LocalDriver.topologyOf("worker-2")))
                .build();
    }

    private static String pvName() {
        return "pvc-" + UUID.randomUUID();
    }

    @Test
    void theProvisionerCreatesOnTheSelectedNodeRetriesIdenticallyAndDeletesWithSecrets() throws Exception {
        String name = pvName();
        CreateVolumeRequest request = provision(name, 10 * MIB + 123, mount("ext4", Mode.SINGLE_NODE_WRITER));

        Volume v = driver.controller().createVolume(request).getVolume();
        // A timed-out attempt is retried with the very same request.
        Volume retried = driver.controller().createVolume(request).getVolume();

        assertThat(retried).isEqualTo(v);
        assertThat(v.getCapacityBytes()).as("never below the PVC's request").isGreaterThanOrEqualTo(10 * MIB + 123);
        assertThat(v.getAccessibleTopologyList()).containsExactly(driver.topology());
        assertThat(v.getVolumeContextMap()).doesNotContainValue(SECRETS.get("backend-token"))
                .containsEntry("csi4j.io/fs-type", "ext4");
        // The attacher-less flow goes on with ValidateVolumeCapabilities for static PVs; here the same volume.
        assertThat(driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).putAllVolumeContext(v.getVolumeContextMap())
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER)).putAllParameters(STORAGE_CLASS)
                .build()).hasConfirmed()).isTrue();

        driver.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .putAllSecrets(SECRETS).build());
        driver.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(v.getVolumeId())
                .putAllSecrets(SECRETS).build());
        assertThat(driver.volumes()).extracting(Volume::getVolumeId).doesNotContain(v.getVolumeId());
        assertThat(driver.output()).as("secrets never reach the log").doesNotContain(SECRETS.get("backend-token"));
    }

    @Test
    void theNodeReportsTheTopologySegmentTheControllerPlacesVolumesIn() {
        NodeGetInfoResponse info = driver.client().node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance());

        assertThat(info.getNodeId()).contains("worker-1");
        assertThat(info.getAccessibleTopology()).isEqualTo(driver.topology());
    }

    @Test
    void theCapacityTrackerSeesRoomOnItsNodeSegmentAndNoneOnOthers() {
        GetCapacityResponse here = driver.controller().getCapacity(GetCapacityRequest.newBuilder()
                .putAllParameters(STORAGE_CLASS).setAccessibleTopology(driver.topology())
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER)).build());
        GetCapacityResponse other = driver.controller().getCapacity(GetCapacityRequest.newBuilder()
                .putAllParameters(STORAGE_CLASS).setAccessibleTopology(LocalDriver.topologyOf("worker-2")).build());

        assertThat(here.getAvailableCapacity()).isPositive();
        assertThat(here.getMaximumVolumeSize().getValue()).isEqualTo(64 * MIB);
        assertThat(other.getAvailableCapacity()).isZero();
    }

    @Test
    void theSnapshotterPollsUntilReadyFindsTheSnapshotByIdAndARestoredPvcGetsItsData() throws Exception {
        Volume source = driver.controller().createVolume(CreateVolumeRequest.newBuilder(provision(pvName(), 8 * MIB,
                mount("", Mode.SINGLE_NODE_WRITER))).removeParameters("kind").build()).getVolume();
        Files.writeString(dataPath(source).resolve("table.dat"), "rows");
        CreateSnapshotRequest cut = CreateSnapshotRequest.newBuilder()
                .setName("snapshot-" + UUID.randomUUID())
                .setSourceVolumeId(source.getVolumeId())
                .putParameters("csi.storage.k8s.io/volumesnapshot/name", "nightly")
                .putParameters("csi.storage.k8s.io/volumesnapshot/namespace", "databases")
                .putParameters("csi.storage.k8s.io/volumesnapshotcontent/name", "snapcontent-1")
                .putAllSecrets(SECRETS)
                .build();

        Snapshot snap = driver.controller().createSnapshot(cut).getSnapshot();
        for (int poll = 0; !snap.getReadyToUse() && poll < 20; poll++) {
            Thread.sleep(50);
            Snapshot again = driver.controller().createSnapshot(cut).getSnapshot();
            assertThat(again.getSnapshotId()).isEqualTo(snap.getSnapshotId());
            assertThat(again.getCreationTime()).isEqualTo(snap.getCreationTime());
            snap = again;
        }
        assertThat(snap.getReadyToUse()).isTrue();
        String snapshotId = snap.getSnapshotId();
        assertThat(driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSnapshotId(snapshotId)
                .build()).getEntriesList()).singleElement()
                .satisfies(e -> assertThat(e.getSnapshot().getSnapshotId()).isEqualTo(snapshotId));

        Volume restored = driver.controller().createVolume(CreateVolumeRequest.newBuilder(provision(pvName(),
                snap.getSizeBytes(), mount("", Mode.SINGLE_NODE_WRITER))).removeParameters("kind")
                .setVolumeContentSource(fromSnapshot(snapshotId)).build()).getVolume();

        assertThat(restored.getContentSource()).as("the provisioner deletes a restore without it")
                .isEqualTo(fromSnapshot(snapshotId));
        assertThat(restored.getCapacityBytes()).isGreaterThanOrEqualTo(snap.getSizeBytes());
        assertThat(Files.readString(dataPath(restored).resolve("table.dat"))).isEqualTo("rows");
        driver.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snapshotId)
                .putAllSecrets(SECRETS).build());
        assertThat(driver.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSnapshotId(snapshotId)
                .build()).getEntriesList()).isEmpty();
    }

    @Test
    void aClonedPvcCarriesItsSourceAndTheResizerGrowsItForTheNodeToFinish() throws Exception {
        Volume source = driver.controller().createVolume(provision(pvName(), 4 * MIB,
                mount("ext4", Mode.SINGLE_NODE_WRITER))).getVolume();
        Volume clone = driver.controller().createVolume(CreateVolumeRequest.newBuilder(provision(pvName(), 4 * MIB,
                mount("ext4", Mode.SINGLE_NODE_WRITER))).setVolumeContentSource(fromVolume(source.getVolumeId()))
                .build()).getVolume();
        assertThat(clone.getContentSource()).isEqualTo(fromVolume(source.getVolumeId()));

        ControllerExpandVolumeRequest resize = ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId(clone.getVolumeId()).setCapacityRange(range(12 * MIB, 0))
                .setVolumeCapability(mount("ext4", Mode.SINGLE_NODE_WRITER)).putAllSecrets(SECRETS).build();
        ControllerExpandVolumeResponse grown = driver.controller().controllerExpandVolume(resize);

        assertThat(grown.getCapacityBytes()).isEqualTo(12 * MIB);
        assertThat(grown.getNodeExpansionRequired()).as("the filesystem is grown by NodeExpandVolume").isTrue();
        assertThat(driver.controller().controllerExpandVolume(resize)).as("a retried resize").isEqualTo(grown);
        assertThat(Files.size(dataPath(clone))).isEqualTo(12 * MIB);
    }
}
