package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.IntelliFlashDriver.MIB;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.block;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.create;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.mount;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.simulator.intelliflash.model.San;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
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
 * Every controller RPC of the block flavour over the real socket, the jar started as the original block driver
 * with its original configuration file, against the simulated array.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntelliFlashBlockIT {

    static final String IQN = "iqn.2024-01.test.kvmnode:node1";
    static final String NODE = "node1;iqn=" + IQN + ";ip=10.0.0.1";
    static final String ID = "array1:csi-block:pvc-intelliflash-b1";

    @TempDir
    static Path dir;

    IntelliFlashDriver d;

    @BeforeAll
    void start() throws Exception {
        d = IntelliFlashDriver.start(dir, IntelliFlashDriver.BLOCK_DRIVER, "csi-block", Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        d.close();
    }

    static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    ControllerPublishVolumeRequest publish(String id, String node) {
        return ControllerPublishVolumeRequest.newBuilder().setVolumeId(id).setNodeId(node)
                .setVolumeCapability(mount(Mode.SINGLE_NODE_WRITER)).build();
    }

    @Test
    @Order(1)
    void identityAndCapabilitiesAreTheBlockDriversWithAttach() {
        assertThat(d.csi.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance()).getName())
                .isEqualTo(IntelliFlashDriver.BLOCK_DRIVER);
        assertThat(d.csi.controller().controllerGetCapabilities(ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList()).extracting(c -> c.getRpc().getType()).contains(
                        ControllerServiceCapability.RPC.Type.PUBLISH_UNPUBLISH_VOLUME,
                        ControllerServiceCapability.RPC.Type.CLONE_VOLUME,
                        ControllerServiceCapability.RPC.Type.EXPAND_VOLUME);
    }

    @Test
    @Order(2)
    void aLunIsCreatedForAFilesystemOrForRawBlock() {
        Volume v = d.csi.controller().createVolume(create("pvc-intelliflash-b1", 32 * MIB, mount(Mode.SINGLE_NODE_WRITER))
                .build()).getVolume();
        Volume raw = d.csi.controller().createVolume(create("pvc-raw", 32 * MIB, block(Mode.MULTI_NODE_MULTI_WRITER))
                .build()).getVolume();

        assertThat(v.getVolumeId()).isEqualTo(ID);
        assertThat(v.getVolumeContextMap()).containsEntry("csi4j.io/data", "iscsi")
                .containsEntry("csi4j.io/target", "iqn.2012-02.com.tegile:csi").containsEntry("csi4j.io/lun", "0")
                .containsEntry("csi4j.io/portals", "127.0.0.1:3260");
        assertThat(raw.getVolumeContextMap()).containsEntry("csi4j.io/lun", "1");
        assertThat(code(() -> d.csi.controller().createVolume(create("pvc-shared-fs", MIB,
                mount(Mode.MULTI_NODE_MULTI_WRITER)).build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(raw.getVolumeId()).build());
    }

    @Test
    @Order(3)
    void publishingAdmitsTheNodesInitiatorAndHandsOutTheLun() {
        var context = d.csi.controller().controllerPublishVolume(publish(ID, NODE)).getPublishContextMap();
        var again = d.csi.controller().controllerPublishVolume(publish(ID, NODE)).getPublishContextMap();

        assertThat(again).isEqualTo(context);
        assertThat(context).containsEntry("csi4j.io/data", "iscsi").containsEntry("csi4j.io/lun", "0");
        San.Initiator i = d.array.model().locked(() -> d.array.model().san.initiators.get(IQN));
        assertThat(i.group).isEqualTo("csi-hg");
        assertThat(code(() -> d.csi.controller().controllerPublishVolume(publish(ID, "bare-node"))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(() -> d.csi.controller().controllerPublishVolume(publish(ID, "node2;iqn=iqn.2024-01.x:n2"))))
                .as("single-node volume already on node1").isEqualTo(Status.Code.FAILED_PRECONDITION);

        d.csi.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder().setVolumeId(ID)
                .setNodeId(NODE).build());
        d.csi.controller().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder().setVolumeId(ID)
                .setNodeId(NODE).build());
    }

    @Test
    @Order(4)
    void snapshotsRestoresClonesAndOnlineExpansion() {
        var snap = d.csi.controller().createSnapshot(CreateSnapshotRequest.newBuilder().setName("snapshot-b")
                .setSourceVolumeId(ID).build()).getSnapshot();
        Volume restored = d.csi.controller().createVolume(create("pvc-b-restored", 64 * MIB, mount(Mode.SINGLE_NODE_WRITER))
                .setVolumeContentSource(IntelliFlashDriver.fromSnapshot(snap.getSnapshotId())).build()).getVolume();
        Volume clone = d.csi.controller().createVolume(create("pvc-b-clone", 32 * MIB, mount(Mode.SINGLE_NODE_WRITER))
                .setVolumeContentSource(IntelliFlashDriver.fromVolume(ID)).build()).getVolume();

        assertThat(snap.getSizeBytes()).isEqualTo(32 * MIB);
        assertThat(restored.getCapacityBytes()).as("restored into a larger size").isEqualTo(64 * MIB);
        assertThat(d.csi.controller().listSnapshots(ListSnapshotsRequest.getDefaultInstance()).getEntriesList())
                .as("the clone's temporary snapshot is not listed").hasSize(1);

        var grown = d.csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(ID)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(96 * MIB)).build());
        assertThat(grown.getCapacityBytes()).isEqualTo(96 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isTrue();

        for (String id : new String[] {restored.getVolumeId(), clone.getVolumeId()}) {
            d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());
        }
        d.csi.controller().deleteSnapshot(DeleteSnapshotRequest.newBuilder().setSnapshotId(snap.getSnapshotId()).build());
        assertThat(d.array.stateJson()).doesNotContain("Manual-V-");
    }

    @Test
    @Order(5)
    void aLunMadeByTheOriginalDriverIsValidatedAndPublishedByItsHandle() {
        d.array.model().locked(() -> {
            var m = d.array.model();
            m.data.createFile("pool-a/Local/csi-block/legacy", 8 * MIB);
            var v = new io.csi4j.simulator.intelliflash.model.Volume("pool-a", "csi-block", "legacy", Instant.now(),
                    m.nextLuId());
            v.volSize = 8 * MIB;
            v.blockSize = "32KB";
            v.views.add(new io.csi4j.simulator.intelliflash.model.View("csi-hg", "csi-tg", 7, false));
            m.datasets.put("pool-a/Local/csi-block/legacy", v);
            return null;
        });
        String legacy = "array1:csi-block:legacy";

        assertThat(d.csi.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(legacy).addVolumeCapabilities(mount(Mode.SINGLE_NODE_WRITER)).build()).hasConfirmed()).isTrue();
        assertThat(d.csi.controller().controllerPublishVolume(publish(legacy, NODE)).getPublishContextMap())
                .containsEntry("csi4j.io/lun", "7");
        assertThat(d.csi.controller().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntriesList())
                .extracting(e -> e.getVolume().getVolumeId()).contains(legacy, ID);
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
                .putParameters("mountFsType", "nfs").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> d.csi.controller().controllerPublishVolume(publish("array1:csi-block:x:y", NODE))))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> d.csi.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("nope:csi-block:pvc").setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(MIB))
                .build()))).isEqualTo(Status.Code.NOT_FOUND);

        assertThat(d.array.stateJson()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void deleteRemovesTheLun() {
        d.csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(ID).build());

        assertThat(d.array.model().locked(() -> d.array.model().datasets.keySet()))
                .containsExactly("pool-a/Local/csi-block/legacy");
    }
}
