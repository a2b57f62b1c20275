package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.IntelliFlashDriver.MIB;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.create;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.mount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetPluginCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every controller RPC of the file flavour over the real socket, the jar started as the original file driver with
 * its original configuration file, against the simulated array.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntelliFlashFileIT {

    static final String NODE = "node1;iqn=iqn.2024-01.test.kvmnode:node1;ip=10.0.0.1";
    static final String SECOND = "node2;ip=10.0.0.2";

    @TempDir
    static Path dir;

    IntelliFlashDriver d;

    @BeforeAll
    void start() throws Exception {
        d = IntelliFlashDriver.start(dir, IntelliFlashDriver.FILE_DRIVER, "csi-file", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        d.close();
    }

    Volume createVolume(String name, long bytes) {
        return d.csi.controller().createVolume(create(name, bytes, mount(Mode.MULTI_NODE_MULTI_WRITER)).build()).getVolume();
    }

    static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    @Order(1)
    void identityAndCapabilitiesAreTheFileDriversPlusPublishing() {
        assertThat(d.csi.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance()).getName())
                .isEqualTo(IntelliFlashDriver.FILE_DRIVER);
        assertThat(d.csi.identity().getPluginCapabilities(GetPluginCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList().toString()).contains("CONTROLLER_SERVICE").contains("ONLINE");
        assertThat(d.csi.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
        assertThat(d.csi.controller().controllerGetCapabilities(ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList()).extracting(c -> c.getRpc().getType()).contains(
                        ControllerServiceCapability.RPC.Type.CREATE_DELETE_VOLUME,
                        ControllerServiceCapability.RPC.Type.PUBLISH_UNPUBLISH_VOLUME,
                        ControllerServiceCapability.RPC.Type.CREATE_DELETE_SNAPSHOT,
                        ControllerServiceCapability.RPC.Type.CLONE_VOLUME,
                        ControllerServiceCapability.RPC.Type.EXPAND_VOLUME,
                        ControllerServiceCapability.RPC.Type.GET_CAPACITY,
                        ControllerServiceCapability.RPC.Type.LIST_VOLUMES);
    }

    @Test
    @Order(2)
    void createIsIdempotentAndAnswersWithTheOriginalIdAndContext() {
        Volume v = createVolume("pvc-intelliflash-1", 64 * MIB);
        Volume again = createVolume("pvc-intelliflash-1", 64 * MIB);

        assertThat(again).isEqualTo(v);
        assertThat(v.getVolumeId()).isEqualTo("array1:csi-file:pvc-intelliflash-1");
        assertThat(v.getCapacityBytes()).isEqualTo(64 * MIB);
        assertThat(v.getVolumeContextMap()).containsEntry("dataIp", "127.0.0.1").containsEntry("csi4j.io/data", "nfs")
                .containsEntry("csi4j.io/export", "/export/csi-file/pvc-intelliflash-1");
        assertThat(code(() -> createVolume("pvc-intelliflash-1", 128 * MIB))).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    @Order(3)
    void publishAndUnpublishEditTheAccessList() {
        String id = "array1:csi-file:pvc-intelliflash-1";
        var request = ControllerPublishVolumeRequest.newBuilder().setVolumeId(id).setNodeId(NODE)
                .setVolumeCapability(mount(Mode.MULTI_NODE_MULTI_WRITER)).build();

        var context = d.csi.controller().controllerPublishVolume(request).getPublishContextMap();
        d.csi.controller().controllerPublishVolume(request.toBuilder().setNodeId(SECOND).setReadonly(true).build());

        assertThat(context).containsEntry("csi4j.io/export", "/export/csi-file/pvc-intelliflash-1");
        assertThat(d.array.stateJson()).contains("rw,root@10.0.0.1").contains("ro,root@10.0.0.2");
        assertThat(d.csi.controller().controllerGetVolume(ControllerGetVolumeRequest.newBuilder().setVolumeId(id).build())
                .getStatus().getPublishedNodeIdsList()).containsExactlyInAnyOrder(NODE, SECOND);

        d.csi.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder().setVolumeId(id)
                .setNodeId(NODE).build());
        d.csi.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder().setVolumeId(id).build());
        assertThat(d.array.stateJson()).doesNotContain("@10.0.0.");
    }

    @Test
    @Order(4)
    void snapshotsRestoresAndClonesWork() {
        String id = "array1:csi-file:pvc-intelliflash-1";
        var snap = d.csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snapshot-1")
                .setSourceVolumeId(id).build()).getSnapshot();
        assertThat(snap.getSnapshotId()).isEqualTo(id + "@snapshot-1");
        assertThat(snap.getReadyToUse()).isTrue();
        assertThat(d.csi.controller().listSnapshots(ListSnapshotsRequest.newBuilder().setSourceVolumeId(id).build())
                .getEntriesList()).hasSize(1);

        Volume restored = d.csi.controller().createVolume(create("pvc-restored", 64 * MIB, mount(Mode.SINGLE_NODE_WRITER))
                .setVolumeContentSource(IntelliFlashDriver.fromSnapshot(snap.getSnapshotId())).build()).getVolume();
        Volume clone = d.csi.controller().createVolume(create("pvc-clone", 64 * MIB, mount(Mode.SINGLE_NODE_WRITER))
                .setVolumeContentSource(IntelliFlashDriver.fromVolume(id)).build()).getVolume();

        assertThat(restored.getContentSource().getSnapshot().getSnapshotId()).isEqualTo(snap.getSnapshotId());
        assertThat(clone.getContentSource().getVolume().getVolumeId()).isEqualTo(id);
        assertThat(code(() -> d.csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder()
                .setSnapshotId(snap.getSnapshotId()).build()))).as("a restored volume depends on it")
                .isEqualTo(Status.Code.FAILED_PRECONDITION);

        d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(restored.getVolumeId()).build());
        d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(clone.getVolumeId()).build());
        d.csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        assertThat(d.array.stateJson()).as("no snapshot is left behind").doesNotContain("Manual-S-");
    }

    @Test
    @Order(5)
    void expandListValidateAndCapacity() {
        String id = "array1:csi-file:pvc-intelliflash-1";
        var grown = d.csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(id)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(256 * MIB)).build());
        assertThat(grown.getCapacityBytes()).isEqualTo(256 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isFalse();

        createVolume("pvc-intelliflash-2", 16 * MIB);
        var first = d.csi.controller().listVolumes(ListVolumesRequest.newBuilder().setMaxEntries(1).build());
        var rest = d.csi.controller().listVolumes(ListVolumesRequest.newBuilder().setStartingToken(first.getNextToken())
                .build());
        assertThat(first.getEntriesCount() + rest.getEntriesCount()).isEqualTo(2);

        assertThat(d.csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(id).addVolumeCapabilities(mount(Mode.MULTI_NODE_MULTI_WRITER)).build()).hasConfirmed()).isTrue();
        assertThat(d.csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(id).addVolumeCapabilities(IntelliFlashDriver.block(Mode.SINGLE_NODE_WRITER)).build())
                .hasConfirmed()).as("shares are not block devices").isFalse();
        assertThat(d.csi.controller().getCapacity(GetCapacityRequest.getDefaultInstance()).getAvailableCapacity())
                .isEqualTo(d.array.model().locked(() -> d.array.model().available("pool-a")));
    }

    @Test
    @Order(6)
    void badInputGetsTheRightCodeAndChangesNothingOnTheArray() {
        String before = d.array.stateJson();

        assertThat(code(() -> d.csi.controller().createVolume(create("bad-1", MIB, mount(Mode.SINGLE_NODE_WRITER))
                .putParameters("configName", "nope").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> d.csi.controller().createVolume(create("bad-2", MIB, mount(Mode.SINGLE_NODE_WRITER))
                .putParameters("project", "missing").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> d.csi.controller().createVolume(create("bad-3", MIB, mount(Mode.SINGLE_NODE_WRITER))
                .putParameters("colour", "red").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> d.csi.controller().controllerPublishVolume(ControllerPublishVolumeRequest.newBuilder()
                .setVolumeId("array1:csi-file").setNodeId(NODE).setVolumeCapability(mount(Mode.SINGLE_NODE_WRITER))
                .build()))).as("malformed handle").isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> d.csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest
                .newBuilder().setVolumeId("nope:csi-file:x").addVolumeCapabilities(mount(Mode.SINGLE_NODE_WRITER))
                .build()))).as("unknown array").isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder()
                .setVolumeId("array1:csi-file:never").build()))).isEqualTo(Status.Code.OK);
        assertThat(code(() -> d.csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("s")
                .setSourceVolumeId("array1:missing:v").build()))).isEqualTo(Status.Code.NOT_FOUND);

        assertThat(d.array.stateJson()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void deleteRemovesTheShares() {
        for (String id : new String[] {"array1:csi-file:pvc-intelliflash-1", "array1:csi-file:pvc-intelliflash-2"}) {
            d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());
            d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());
        }

        assertThat(d.csi.controller().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntriesList()).isEmpty();
        assertThat(d.array.model().locked(() -> d.array.model().datasets.keySet())).isEmpty();
        assertThatThrownBy(() -> d.csi.controller().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId("array1:csi-file:pvc-intelliflash-1").build())).hasMessageContaining("NOT_FOUND");
    }
}
