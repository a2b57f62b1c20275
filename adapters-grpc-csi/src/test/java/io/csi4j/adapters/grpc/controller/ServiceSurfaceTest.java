package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerModifyVolumeRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.ControllerServiceCapability.RPC.Type;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.domain.capability.ControllerCapability;
import io.grpc.Status.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the controller-mode surface offers beyond the capability-gated RPCs. */
class ServiceSurfaceTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    @Test
    void controllerGetCapabilitiesListsWhatIsAdvertisedInOrder() {
        csi.describe.with(ControllerCapability.SINGLE_NODE_MULTI_WRITER);

        var types = csi.controllerStub().controllerGetCapabilities(
                        ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList().stream().map(c -> c.getRpc().getType()).toList();

        assertThat(types).containsExactly(Type.CREATE_DELETE_VOLUME, Type.LIST_VOLUMES, Type.GET_CAPACITY,
                Type.CREATE_DELETE_SNAPSHOT, Type.LIST_SNAPSHOTS, Type.CLONE_VOLUME, Type.EXPAND_VOLUME,
                Type.GET_VOLUME, Type.SINGLE_NODE_MULTI_WRITER, Type.GET_SNAPSHOT);
    }

    @Test
    void everyDomainControllerCapabilityHasAWireValue() {
        for (ControllerCapability c : ControllerCapability.values()) {
            csi.describe.with(c);
        }

        var caps = csi.controllerStub().controllerGetCapabilities(
                        ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList();

        assertThat(caps).hasSize(ControllerCapability.values().length)
                .extracting(ControllerServiceCapability::getRpc)
                .allSatisfy(rpc -> assertThat(rpc.getType().name()).isNotIn("UNKNOWN", "UNRECOGNIZED"));
    }

    @Test
    void publishUnpublishAndModifyAreUnimplementedForNow() {
        assertFails(() -> csi.controllerStub().controllerPublishVolume(ControllerPublishVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").setNodeId("node-1").build()), Code.UNIMPLEMENTED,
                "ControllerPublishVolume");
        assertFails(() -> csi.controllerStub().controllerUnpublishVolume(ControllerUnpublishVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").build()), Code.UNIMPLEMENTED, "ControllerUnpublishVolume");
        assertFails(() -> csi.controllerStub().controllerModifyVolume(ControllerModifyVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").putMutableParameters("iops", "1").build()), Code.UNIMPLEMENTED,
                "ControllerModifyVolume");
    }

    @Test
    void nodeRpcsAreUnimplementedWhenTheNodeServiceIsNotRegistered() {
        assertFails(() -> csi.nodeStub().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()), Code.UNIMPLEMENTED,
                "NodeGetInfo");
        assertFails(() -> csi.nodeStub().nodePublishVolume(NodePublishVolumeRequest.getDefaultInstance()),
                Code.UNIMPLEMENTED, "NodePublishVolume");
    }
}
