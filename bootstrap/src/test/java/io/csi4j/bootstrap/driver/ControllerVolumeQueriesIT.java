package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.block;
import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.mount;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.rwo;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UnknownFieldSet;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerExpandVolumeResponse;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.ControllerGetVolumeResponse;
import io.csi4j.csi.v1.ControllerModifyVolumeRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerServiceCapability;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ListVolumesResponse;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesResponse;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller RPCs that look at or change existing volumes, over the built driver's socket (CSI §3.1,
 * §3.4–§3.9, §3.15): capabilities, ValidateVolumeCapabilities, ListVolumes paging, ControllerGetVolume with the
 * volume condition, ControllerExpandVolume, and the RPCs the local backend does not offer.
 */
class ControllerVolumeQueriesIT {

    private static final String UNKNOWN_ID = "local:v1-" + "a".repeat(26) + "-aaaaaaaa";

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static Volume dirVolume;
    static Volume imageVolume;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).defaultSize("4Mi").maxVolumeSize("64Mi").start();
        dirVolume = create(directory("queried-dir").putParameters("kind", "directory"));
        imageVolume = create(image("queried-image").setCapacityRange(range(4 * MIB, 0)));
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    private static Volume create(CreateVolumeRequest.Builder request) {
        return driver.controller().createVolume(request.build()).getVolume();
    }

    @Test
    void controllerCapabilitiesAreThoseOfTheLocalBackendAndNoMore() {
        Set<ControllerServiceCapability.RPC.Type> advertised = new HashSet<>();
        driver.controller().controllerGetCapabilities(ControllerGetCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList().forEach(c -> advertised.add(c.getRpc().getType()));

        assertThat(advertised).containsExactlyInAnyOrder(
                ControllerServiceCapability.RPC.Type.CREATE_DELETE_VOLUME,
                ControllerServiceCapability.RPC.Type.LIST_VOLUMES,
                ControllerServiceCapability.RPC.Type.GET_CAPACITY,
                ControllerServiceCapability.RPC.Type.GET_VOLUME,
                ControllerServiceCapability.RPC.Type.VOLUME_CONDITION,
                ControllerServiceCapability.RPC.Type.SINGLE_NODE_MULTI_WRITER,
                ControllerServiceCapability.RPC.Type.CREATE_DELETE_SNAPSHOT,
                ControllerServiceCapability.RPC.Type.LIST_SNAPSHOTS,
                ControllerServiceCapability.RPC.Type.GET_SNAPSHOT,
                ControllerServiceCapability.RPC.Type.CLONE_VOLUME,
                ControllerServiceCapability.RPC.Type.EXPAND_VOLUME);
    }

    @Test
    void publishingAndModifyingAreUnimplementedBecauseTheyAreNotAdvertised() {
        Rpc.fails(Status.Code.UNIMPLEMENTED, () -> driver.controller().controllerPublishVolume(
                ControllerPublishVolumeRequest.newBuilder().setVolumeId(dirVolume.getVolumeId()).setNodeId("n")
                        .setVolumeCapability(rwo()).build()));
        Rpc.fails(Status.Code.UNIMPLEMENTED, () -> driver.controller().controllerUnpublishVolume(
                ControllerUnpublishVolumeRequest.newBuilder().setVolumeId(dirVolume.getVolumeId()).build()));
        Rpc.fails(Status.Code.UNIMPLEMENTED, () -> driver.controller().controllerModifyVolume(
                ControllerModifyVolumeRequest.newBuilder().setVolumeId(dirVolume.getVolumeId())
                        .putMutableParameters("iops", "100").build()));
        // Unimplemented even for requests that would otherwise be invalid: the CO reads capabilities instead.
        Rpc.fails(Status.Code.UNIMPLEMENTED, () -> driver.controller().controllerPublishVolume(
                ControllerPublishVolumeRequest.getDefaultInstance()));
    }

    @Test
    void validateConfirmsCapabilitiesTheVolumeServes() {
        var response = validate(dirVolume, mount(Mode.MULTI_NODE_MULTI_WRITER), rwo());

        assertThat(response.hasConfirmed()).isTrue();
        assertThat(response.getConfirmed().getVolumeCapabilitiesList())
                .containsExactly(mount(Mode.MULTI_NODE_MULTI_WRITER), rwo());
        // The context is not checked against the volume, so it is not confirmed either (CSI §3.6).
        assertThat(response.getConfirmed().getVolumeContextMap()).isEmpty();
        assertThat(validate(imageVolume, block(Mode.SINGLE_NODE_WRITER), mount("ext4", Mode.SINGLE_NODE_WRITER))
                .hasConfirmed()).isTrue();
    }

    @Test
    void validateDoesNotConfirmACapabilityTheVolumeCannotServeAndSaysWhy() {
        var blockOnDirectory = validate(dirVolume, rwo(), block(Mode.SINGLE_NODE_WRITER));
        var xfsOnExt4 = validate(imageVolume, mount("xfs", Mode.SINGLE_NODE_WRITER));

        assertThat(blockOnDirectory.hasConfirmed()).isFalse();
        assertThat(blockOnDirectory.getMessage()).contains("block");
        assertThat(xfsOnExt4.hasConfirmed()).isFalse();
        assertThat(xfsOnExt4.getMessage()).contains("xfs");
    }

    @Test
    void validateDoesNotConfirmParametersTheVolumeWasNotCreatedWith() {
        var same = driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(dirVolume.getVolumeId()).addVolumeCapabilities(rwo()).putParameters("kind", "directory")
                .putParameters("csi.storage.k8s.io/pvc/name", "data").build());
        var other = driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(dirVolume.getVolumeId()).addVolumeCapabilities(rwo()).putParameters("kind", "image")
                .build());
        var otherBackend = driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest
                .newBuilder().setVolumeId(dirVolume.getVolumeId()).addVolumeCapabilities(rwo())
                .putParameters("kind", "directory").putParameters("csi4j.io/backend", "elsewhere").build());
        var mutable = driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(dirVolume.getVolumeId()).addVolumeCapabilities(rwo()).putMutableParametersV2("iops", "1")
                .build());

        assertThat(same.hasConfirmed()).isTrue();
        assertThat(same.getConfirmed().getParametersMap()).containsEntry("kind", "directory");
        assertThat(other.hasConfirmed()).isFalse();
        assertThat(otherBackend.hasConfirmed()).isFalse();
        assertThat(mutable.getConfirmed().getMutableParametersV2Map()).as("never checked, never echoed").isEmpty();
    }

    @Test
    void validateNeverEchoesFieldsThePluginDidNotUnderstand() {
        UnknownFieldSet future = UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build();
        VolumeCapability withFuture = rwo().toBuilder().setUnknownFields(future)
                .setMount(rwo().getMount().toBuilder().setUnknownFields(future)).build();

        var response = validate(dirVolume, withFuture);

        assertThat(response.hasConfirmed()).isTrue();
        VolumeCapability confirmed = response.getConfirmed().getVolumeCapabilities(0);
        assertThat(confirmed.getUnknownFields().asMap()).isEmpty();
        assertThat(confirmed.getMount().getUnknownFields().asMap()).isEmpty();
        assertThat(confirmed).isEqualTo(rwo());
    }

    @Test
    void validateOfAnUnknownVolumeIsNotFound() {
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().validateVolumeCapabilities(
                ValidateVolumeCapabilitiesRequest.newBuilder().setVolumeId(UNKNOWN_ID).addVolumeCapabilities(rwo())
                        .build()));
        Rpc.fails(Status.Code.NOT_FOUND, () -> driver.controller().validateVolumeCapabilities(
                ValidateVolumeCapabilitiesRequest.newBuilder().setVolumeId("reallyfakevolumeid")
                        .addVolumeCapabilities(rwo()).build()));
    }

    @Test
    void listVolumesPagesOneByOneThroughEveryVolumeEndingWithAnEmptyToken() {
        for (int i = 0; i < 3; i++) {
            create(directory("paged-" + i));
        }
        Set<String> all = new HashSet<>(driver.volumes().stream().map(Volume::getVolumeId).toList());
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);

        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListVolumesResponse page = driver.controller().listVolumes(ListVolumesRequest.newBuilder()
                    .setMaxEntries(1).setStartingToken(token).build());
            assertThat(page.getEntriesCount()).isLessThanOrEqualTo(1);
            page.getEntriesList().forEach(e -> seen.add(e.getVolume().getVolumeId()));
            token = page.getNextToken();
            assertThat(++pages).as("pages").isLessThanOrEqualTo(all.size() + 1);
        } while (!token.isEmpty());

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void listVolumesWithATokenItDidNotIssueIsAbortedAndANegativeLimitIsInvalid() {
        Rpc.fails(Status.Code.ABORTED, () -> driver.controller().listVolumes(
                ListVolumesRequest.newBuilder().setStartingToken("garbage").build()));
        Rpc.fails(Status.Code.ABORTED, () -> driver.controller().listVolumes(
                ListVolumesRequest.newBuilder().setStartingToken("local/garbage").build()));
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().listVolumes(
                ListVolumesRequest.newBuilder().setMaxEntries(-1).build()), "max_entries");
    }

    @Test
    void aVolumeIsReportedAlikeByCreateListAndGet() {
        Map<String, Volume> listed = new HashMap<>();
        driver.volumes().forEach(v -> listed.put(v.getVolumeId(), v));
        ControllerGetVolumeResponse got = get(imageVolume.getVolumeId());

        assertThat(listed.get(imageVolume.getVolumeId())).isEqualTo(imageVolume);
        assertThat(got.getVolume()).isEqualTo(imageVolume);
        assertThat(create(image("queried-image").setCapacityRange(range(4 * MIB, 0)))).isEqualTo(imageVolume);
    }

    @Test
    void getVolumeReportsAHealthyConditionAndAnAbnormalOneWhenTheDataIsGone() throws Exception {
        Volume v = create(directory("losing-data"));
        ControllerGetVolumeResponse healthy = get(v.getVolumeId());
        assertThat(healthy.hasStatus()).isTrue();
        assertThat(healthy.getStatus().getVolumeCondition().getAbnormal()).isFalse();
        assertThat(healthy.getStatus().getVolumeCondition().getMessage()).isNotBlank();
        assertThat(healthy.getStatus().getPublishedNodeIdsList()).isEmpty();

        Files.delete(dataPath(v));
        ControllerGetVolumeResponse broken = get(v.getVolumeId());

        assertThat(broken.getStatus().getVolumeCondition().getAbnormal()).isTrue();
        assertThat(broken.getStatus().getVolumeCondition().getMessage()).contains("missing");
        assertThat(driver.controller().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntriesList())
                .filteredOn(e -> e.getVolume().getVolumeId().equals(v.getVolumeId()))
                .singleElement().satisfies(e -> assertThat(e.getStatus().getVolumeCondition().getAbnormal()).isTrue());
    }

    @Test
    void getVolumeOfAnUnknownVolumeIsNotFound() {
        Rpc.fails(Status.Code.NOT_FOUND, () -> get(UNKNOWN_ID));
        Rpc.fails(Status.Code.NOT_FOUND, () -> get("reallyfakevolumeid"));
    }

    @Test
    void expandingADirectoryVolumeRecordsTheRoundedSizeAndNeedsNoNodeStep() {
        Volume v = create(directory("growing-dir").setCapacityRange(range(2 * MIB, 0)));

        ControllerExpandVolumeResponse grown = expand(v.getVolumeId(), 5 * MIB + 1, 0);

        assertThat(grown.getCapacityBytes()).isEqualTo(6 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isFalse();
        assertThat(get(v.getVolumeId()).getVolume().getCapacityBytes()).isEqualTo(6 * MIB);
    }

    @Test
    void expandingAnImageGrowsItsFileAndAsksTheNodeToGrowTheFilesystem() throws Exception {
        Volume v = create(image("growing-image").setCapacityRange(range(2 * MIB, 0)));

        ControllerExpandVolumeResponse grown = expand(v.getVolumeId(), 8 * MIB, 0);

        assertThat(grown.getCapacityBytes()).isEqualTo(8 * MIB);
        assertThat(grown.getNodeExpansionRequired()).isTrue();
        assertThat(Files.size(dataPath(v))).isEqualTo(8 * MIB);
        // Repeats and smaller requests report the current size; CSI has no shrinking (§3.15).
        assertThat(expand(v.getVolumeId(), 8 * MIB, 0).getCapacityBytes()).isEqualTo(8 * MIB);
        assertThat(expand(v.getVolumeId(), 3 * MIB, 0).getCapacityBytes()).isEqualTo(8 * MIB);
        assertThat(Files.size(dataPath(v))).isEqualTo(8 * MIB);
        // Only a limit: grow to the limit.
        assertThat(expand(v.getVolumeId(), 0, 10 * MIB).getCapacityBytes()).isEqualTo(10 * MIB);
    }

    @Test
    void expandingBeyondTheMaximumIsOutOfRangeAndChangesNothing() throws Exception {
        Volume v = create(image("capped").setCapacityRange(range(2 * MIB, 0)));
        var before = driver.state();

        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> expand(v.getVolumeId(), 64 * MIB + 1, 0));

        assertThat(driver.state()).isEqualTo(before);
        assertThat(expand(v.getVolumeId(), 64 * MIB, 0).getCapacityBytes()).isEqualTo(64 * MIB);
    }

    @Test
    void expandingWithoutACapacityRangeIsInvalidAndAnUnknownVolumeIsNotFound() {
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().controllerExpandVolume(
                ControllerExpandVolumeRequest.newBuilder().setVolumeId(dirVolume.getVolumeId()).build()),
                "capacity_range");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> expand(dirVolume.getVolumeId(), 0, 0), "capacity_range");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> expand(dirVolume.getVolumeId(), -MIB, 0), "capacity_range");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> expand(dirVolume.getVolumeId(), 8 * MIB, 4 * MIB),
                "capacity_range");
        Rpc.fails(Status.Code.NOT_FOUND, () -> expand(UNKNOWN_ID, 8 * MIB, 0));
    }

    @Test
    void expandingWithACapabilityTheVolumeCannotServeIsInvalidAndChangesNothing() throws Exception {
        var before = driver.state();

        // CSI §3.15: "capability not supported by the volume" is INVALID_ARGUMENT.
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().controllerExpandVolume(
                ControllerExpandVolumeRequest.newBuilder().setVolumeId(dirVolume.getVolumeId())
                        .setCapacityRange(range(16 * MIB, 0)).setVolumeCapability(block(Mode.SINGLE_NODE_WRITER))
                        .build()), "block");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> driver.controller().controllerExpandVolume(
                ControllerExpandVolumeRequest.newBuilder().setVolumeId(imageVolume.getVolumeId())
                        .setCapacityRange(range(16 * MIB, 0)).setVolumeCapability(mount("xfs", Mode.SINGLE_NODE_WRITER))
                        .build()), "xfs");

        assertThat(driver.state()).isEqualTo(before);
    }

    private static ValidateVolumeCapabilitiesResponse validate(Volume v, VolumeCapability... capabilities) {
        return driver.controller().validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId(v.getVolumeId()).putAllVolumeContext(v.getVolumeContextMap())
                .addAllVolumeCapabilities(List.of(capabilities)).build());
    }

    private static ControllerGetVolumeResponse get(String id) {
        return driver.controller().controllerGetVolume(ControllerGetVolumeRequest.newBuilder().setVolumeId(id).build());
    }

    private static ControllerExpandVolumeResponse expand(String id, long required, long limit) {
        return driver.controller().controllerExpandVolume(ControllerExpandVolumeRequest.newBuilder().setVolumeId(id)
                .setCapacityRange(range(required, limit)).build());
    }
}
