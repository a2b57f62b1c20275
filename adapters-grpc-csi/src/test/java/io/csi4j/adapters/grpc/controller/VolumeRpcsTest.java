package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static io.csi4j.adapters.grpc.fakes.Samples.mount;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.adapters.grpc.fakes.Samples;
import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.grpc.Status.Code;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VolumeRpcsTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    // --- DeleteVolume

    @Test
    void deleteVolumePassesTheRawIdAndSecrets() {
        csi.controllerStub().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId("legacy:project:vol")
                .putSecrets("token", "t0k3n").build());

        var call = csi.controller.only();
        assertThat(call.useCase()).isEqualTo("deleteVolume");
        assertThat(call.args().get(0)).isEqualTo("legacy:project:vol");
        assertThat(((Secrets) call.args().get(1)).get("token")).contains("t0k3n");
    }

    @Test
    void deleteVolumeWithoutIdIsInvalidArgument() {
        assertFails(() -> csi.controllerStub().deleteVolume(DeleteVolumeRequest.getDefaultInstance()),
                Code.INVALID_ARGUMENT, "volume_id is required");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void idsWithControlCharactersOrOver128BytesAreInvalidArgument() {
        assertFails(() -> csi.controllerStub().deleteVolume(DeleteVolumeRequest.newBuilder()
                .setVolumeId("local:\u0000vol").build()), Code.INVALID_ARGUMENT, "volume_id");
        assertFails(() -> csi.controllerStub().deleteVolume(DeleteVolumeRequest.newBuilder()
                .setVolumeId("local:" + "v".repeat(10 * 1024)).build()), Code.INVALID_ARGUMENT,
                "volume_id is longer than 128 bytes");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void deleteVolumeIsUnimplementedWithoutCreateDeleteVolume() {
        csi.describe.without(ControllerCapability.CREATE_DELETE_VOLUME);

        assertFails(() -> csi.controllerStub().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId("local:v")
                .build()), Code.UNIMPLEMENTED, "DeleteVolume");
    }

    // --- ListVolumes

    @Test
    void listVolumesPassesThePageAndReturnsEntriesAndNextToken() {
        csi.controller.listVolumes = Either.right(new Page<>(List.of(Samples.entry()), "after-vol-1"));

        var response = csi.controllerStub().listVolumes(ListVolumesRequest.newBuilder().setMaxEntries(1)
                .setStartingToken("tok").build());

        assertThat(csi.controller.only().args().getFirst()).isEqualTo(new PageRequest("tok", 1));
        assertThat(response.getNextToken()).isEqualTo("after-vol-1");
        assertThat(response.getEntriesList()).singleElement()
                .satisfies(e -> assertThat(e.getVolume().getVolumeId()).isEqualTo("local:vol-1"));
    }

    @Test
    void listVolumesReportsStatusOnlyForAdvertisedCapabilities() {
        csi.controller.listVolumes = Either.right(Page.last(List.of(Samples.entry())));

        var plain = csi.controllerStub().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntries(0);
        assertThat(plain.hasStatus()).isFalse();

        csi.describe.with(ControllerCapability.PUBLISH_UNPUBLISH_VOLUME)
                .with(ControllerCapability.LIST_VOLUMES_PUBLISHED_NODES);
        var nodes = csi.controllerStub().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntries(0);
        assertThat(nodes.getStatus().getPublishedNodeIdsList()).containsExactly("node-1");
        assertThat(nodes.getStatus().hasVolumeCondition()).isFalse();

        csi.describe.with(ControllerCapability.VOLUME_CONDITION);
        var both = csi.controllerStub().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntries(0);
        assertThat(both.getStatus().getVolumeCondition().getAbnormal()).isTrue();
        assertThat(both.getStatus().getVolumeCondition().getMessage()).isEqualTo("disk degraded");
    }

    @Test
    void negativeMaxEntriesIsInvalidArgument() {
        assertFails(() -> csi.controllerStub().listVolumes(ListVolumesRequest.newBuilder().setMaxEntries(-1).build()),
                Code.INVALID_ARGUMENT, "max_entries");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void aTokenThePluginDidNotIssueIsAborted() {
        csi.controller.listVolumes = Either.left(new Failure.InvalidToken("starting_token 'garbage' is not ours"));

        assertFails(() -> csi.controllerStub().listVolumes(ListVolumesRequest.newBuilder()
                .setStartingToken("garbage").build()), Code.ABORTED, "starting_token");
    }

    @Test
    void listVolumesIsUnimplementedWithoutListVolumes() {
        csi.describe.without(ControllerCapability.LIST_VOLUMES);

        assertFails(() -> csi.controllerStub().listVolumes(ListVolumesRequest.getDefaultInstance()),
                Code.UNIMPLEMENTED, "ListVolumes");
    }

    // --- ControllerGetVolume

    @Test
    void controllerGetVolumeAlwaysHasAStatus() {
        var response = csi.controllerStub().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").build());

        assertThat(csi.controller.only().args()).containsExactly("local:vol-1");
        assertThat(response.getVolume().getVolumeId()).isEqualTo("local:vol-1");
        assertThat(response.hasStatus()).isTrue();
        assertThat(response.getStatus().getPublishedNodeIdsList()).isEmpty();
    }

    @Test
    void controllerGetVolumeOfAnUnknownVolumeIsNotFound() {
        csi.controller.getVolume = Either.left(Failure.notFound("volume local:nope does not exist"));

        assertFails(() -> csi.controllerStub().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId("local:nope").build()), Code.NOT_FOUND, "local:nope");
    }

    @Test
    void controllerGetVolumeNeedsAnIdAndItsCapability() {
        assertFails(() -> csi.controllerStub().controllerGetVolume(ControllerGetVolumeRequest.getDefaultInstance()),
                Code.INVALID_ARGUMENT, "volume_id");
        csi.describe.without(ControllerCapability.GET_VOLUME);
        assertFails(() -> csi.controllerStub().controllerGetVolume(ControllerGetVolumeRequest.newBuilder()
                .setVolumeId("local:v").build()), Code.UNIMPLEMENTED, "GET_VOLUME");
        assertThat(csi.controller.calls()).isEmpty();
    }

    // --- GetCapacity

    @Test
    void getCapacityPassesFiltersAndSetsWrappersOnlyWhenKnown() {
        var response = csi.controllerStub().getCapacity(GetCapacityRequest.newBuilder()
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER))
                .putParameters("tier", "gold")
                .setAccessibleTopology(Topology.newBuilder().putSegments("topology.csi4j.io/node", "node-1"))
                .build());

        var args = csi.controller.only().args();
        assertThat((List<?>) args.get(0)).hasSize(1);
        assertThat(args.get(2)).isEqualTo(Optional.of(Samples.NODE_1));
        assertThat(response.getAvailableCapacity()).isEqualTo(5);
        assertThat(response.hasMaximumVolumeSize()).isFalse();
        assertThat(response.hasMinimumVolumeSize()).isFalse();

        csi.controller.capacity = Either.right(new CapacityReport(7, OptionalLong.of(100), OptionalLong.of(1)));
        var bounded = csi.controllerStub().getCapacity(GetCapacityRequest.getDefaultInstance());
        assertThat(bounded.getMaximumVolumeSize().getValue()).isEqualTo(100);
        assertThat(bounded.getMinimumVolumeSize().getValue()).isEqualTo(1);
        assertThat(csi.controller.calls().get(1).args().get(2)).isEqualTo(Optional.empty());
    }

    @Test
    void getCapacityIsUnimplementedWithoutGetCapacity() {
        csi.describe.without(ControllerCapability.GET_CAPACITY);

        assertFails(() -> csi.controllerStub().getCapacity(GetCapacityRequest.getDefaultInstance()),
                Code.UNIMPLEMENTED, "GetCapacity");
    }

    // --- ControllerExpandVolume

    @Test
    void expandPassesTheRequestAndReturnsTheExpansion() {
        var response = csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1")
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(2L << 30))
                .setVolumeCapability(mount("ext4", Mode.SINGLE_NODE_WRITER))
                .build());

        var args = csi.controller.only().args();
        assertThat(args.get(0)).isEqualTo("local:vol-1");
        assertThat(args.get(1)).isEqualTo(new io.csi4j.domain.volume.CapacityRange(2L << 30, 0));
        assertThat(args.get(2)).isEqualTo(Optional.of(VolumeCapability.mount("ext4",
                io.csi4j.domain.volume.AccessMode.SINGLE_NODE_WRITER)));
        assertThat(response.getCapacityBytes()).isEqualTo(2L << 30);
        assertThat(response.getNodeExpansionRequired()).isTrue();
    }

    @Test
    void expandWithoutCapacityRangeOrWithAnEmptyOneIsInvalidArgument() {
        assertFails(() -> csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").build()), Code.INVALID_ARGUMENT, "capacity_range is required");
        assertFails(() -> csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").setCapacityRange(CapacityRange.getDefaultInstance()).build()),
                Code.INVALID_ARGUMENT, "capacity_range");
        assertFails(() -> csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(1)).build()),
                Code.INVALID_ARGUMENT, "volume_id");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void expandIsUnimplementedWithoutExpandVolume() {
        csi.describe.without(ControllerCapability.EXPAND_VOLUME);

        assertFails(() -> csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(1))
                .build()), Code.UNIMPLEMENTED, "EXPAND_VOLUME");
    }

    @Test
    void expandBeyondTheMaximumIsOutOfRange() {
        csi.controller.expand = Either.left(Failure.outOfRange("4 TiB exceeds the maximum volume size"));

        assertFails(() -> csi.controllerStub().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1").setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(4L << 40))
                .build()), Code.OUT_OF_RANGE, "maximum volume size");
    }
}
