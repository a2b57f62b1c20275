package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static io.csi4j.adapters.grpc.fakes.Samples.block;
import static io.csi4j.adapters.grpc.fakes.Samples.createRequest;
import static io.csi4j.adapters.grpc.fakes.Samples.mount;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.adapters.grpc.fakes.Samples;
import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.CreateVolumeResponse;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.TopologyRequirement;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.ports.in.CreateVolumeCommand;
import io.csi4j.ports.in.SourceRef;
import io.grpc.Status.Code;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateVolumeTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    private CreateVolumeResponse create(CreateVolumeRequest.Builder request) {
        return csi.controllerStub().createVolume(request.build());
    }

    private void assertRejected(CreateVolumeRequest.Builder request, String field) {
        assertFails(() -> create(request), Code.INVALID_ARGUMENT, field);
        assertThat(csi.controller.calls()).as("the use case must not run").isEmpty();
    }

    @Test
    void translatesEveryRequestFieldIntoTheCommand() {
        csi.describe.with(ControllerCapability.MODIFY_VOLUME);
        create(createRequest()
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(1 << 20).setLimitBytes(1 << 30))
                .clearVolumeCapabilities()
                .addVolumeCapabilities(mount("xfs", Mode.MULTI_NODE_READER_ONLY, "noatime"))
                .addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER))
                .putParameters("tier", "gold")
                .putMutableParametersV2("iops", "300")
                .putSecrets("password", "hunter2")
                .setVolumeContentSource(VolumeContentSource.newBuilder()
                        .setSnapshot(VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId("local:snap-1")))
                .setAccessibilityRequirements(TopologyRequirement.newBuilder()
                        .addRequisite(Topology.newBuilder().putSegments("topology.csi4j.io/node", "node-1"))
                        .addPreferred(Topology.newBuilder().putSegments("topology.csi4j.io/node", "node-1"))));

        CreateVolumeCommand command = (CreateVolumeCommand) csi.controller.only().args().getFirst();
        assertThat(command.name().value()).isEqualTo("pvc-1");
        assertThat(command.capacity().requiredBytes()).isEqualTo(1 << 20);
        assertThat(command.capacity().limitBytes()).isEqualTo(1 << 30);
        assertThat(command.capabilities()).hasSize(2);
        assertThat(command.capabilities().get(0).accessMode()).isEqualTo(AccessMode.MULTI_NODE_READER_ONLY);
        assertThat(command.capabilities().get(0).accessType())
                .isEqualTo(new AccessType.Mount("xfs", java.util.List.of("noatime"), ""));
        assertThat(command.capabilities().get(1).isBlock()).isTrue();
        assertThat(command.parameters().values()).containsExactly(Map.entry("tier", "gold"));
        assertThat(command.mutableParameters().values()).containsExactly(Map.entry("iops", "300"));
        assertThat(command.secrets().get("password")).contains("hunter2");
        assertThat(command.source()).contains(new SourceRef.Snapshot("local:snap-1"));
        assertThat(command.topology()).hasValueSatisfying(t -> {
            assertThat(t.requisite()).containsExactly(Samples.NODE_1);
            assertThat(t.preferred()).containsExactly(Samples.NODE_1);
        });
    }

    @Test
    void translatesTheVolumeBackWithDataPathContextAndTopology() {
        CreateVolumeResponse response = create(createRequest());

        var v = response.getVolume();
        assertThat(v.getVolumeId()).isEqualTo("local:vol-1");
        assertThat(v.getCapacityBytes()).isEqualTo(1L << 30);
        assertThat(v.getVolumeContextMap())
                .containsAllEntriesOf(DataPathCodec.encode(Samples.volume().dataPath()))
                .containsEntry("tier", "gold");
        assertThat(v.getAccessibleTopologyList()).containsExactly(
                Topology.newBuilder().putSegments("topology.csi4j.io/node", "node-1").build());
        assertThat(v.hasContentSource()).isFalse();
    }

    @Test
    void echoesTheContentSourceOfARestoredVolume() {
        var restored = Samples.volume();
        csi.controller.createVolume = Either.right(new io.csi4j.domain.volume.Volume(restored.id(), restored.name(),
                restored.capacityBytes(), restored.dataPath(), restored.attributes(),
                Optional.of(new ContentSource.FromSnapshot(Samples.SNAPSHOT_ID)), restored.accessibleTopology(),
                restored.parameters()));

        var v = create(createRequest().setVolumeContentSource(VolumeContentSource.newBuilder()
                .setSnapshot(VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId("local:snap-1"))))
                .getVolume();

        assertThat(v.getContentSource().getSnapshot().getSnapshotId()).isEqualTo("local:snap-1");
    }

    @Test
    void omitsAccessibleTopologyWhenAccessibilityConstraintsAreNotAdvertised() {
        csi.describe.without(PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS);

        assertThat(create(createRequest()).getVolume().getAccessibleTopologyList()).isEmpty();
    }

    @Test
    void aCapacityRangeWithBothBoundsZeroMeansNoPreference() {
        create(createRequest().setCapacityRange(CapacityRange.getDefaultInstance()));

        CreateVolumeCommand command = (CreateVolumeCommand) csi.controller.only().args().getFirst();
        assertThat(command.capacity().isUnspecified()).isTrue();
    }

    @Test
    void aNameOf128BytesIsAccepted() {
        create(createRequest().setName("n".repeat(128)));

        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void missingNameIsInvalidArgument() {
        assertRejected(createRequest().clearName(), "name");
    }

    @Test
    void aTenKilobyteNameIsInvalidArgument() {
        assertRejected(createRequest().setName("x".repeat(10 * 1024)), "name is longer than 128 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pvc\u0000-1", "pvc\u0001", "pvc\u007f", "pvc\u0085"})
    void controlCharactersInTheNameAreInvalidArgument(String name) {
        assertRejected(createRequest().setName(name), "name contains a control character");
    }

    @Test
    void missingVolumeCapabilitiesIsInvalidArgument() {
        assertRejected(createRequest().clearVolumeCapabilities(), "volume_capabilities is required");
    }

    @Test
    void aCapabilityWithoutAccessTypeIsInvalidArgument() {
        assertRejected(createRequest().clearVolumeCapabilities().addVolumeCapabilities(VolumeCapability.newBuilder()
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(Mode.SINGLE_NODE_WRITER))),
                "volume_capabilities[0].access_type");
    }

    @Test
    void aCapabilityWithoutAccessModeIsInvalidArgument() {
        assertRejected(createRequest().addVolumeCapabilities(VolumeCapability.newBuilder()
                .setBlock(VolumeCapability.BlockVolume.getDefaultInstance())), "volume_capabilities[1].access_mode");
    }

    @Test
    void anUnknownAccessModeIsInvalidArgument() {
        assertRejected(createRequest().clearVolumeCapabilities().addVolumeCapabilities(
                mount("ext4", Mode.UNKNOWN)), "volume_capabilities[0].access_mode.mode is required");
    }

    @Test
    void anUnrecognisedAccessModeNumberIsInvalidArgument() {
        var capability = mount("ext4", Mode.SINGLE_NODE_WRITER).toBuilder()
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setModeValue(42));

        assertRejected(createRequest().clearVolumeCapabilities().addVolumeCapabilities(capability),
                "volume_capabilities[0].access_mode.mode 42");
    }

    @Test
    void alphaAccessModesNeedSingleNodeMultiWriterAdvertised() {
        assertRejected(createRequest().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_MULTI_WRITER)),
                "SINGLE_NODE_MULTI_WRITER");

        csi.describe.with(ControllerCapability.SINGLE_NODE_MULTI_WRITER);
        create(createRequest().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_SINGLE_WRITER)));
        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void mountFlagsOverFourKilobytesAreInvalidArgumentWithoutQuotingThem() {
        String flag = "secretflag=" + "f".repeat(4096);

        var status = assertFails(() -> create(createRequest().clearVolumeCapabilities()
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER, flag))), Code.INVALID_ARGUMENT,
                "volume_capabilities[0].mount.mount_flags");

        assertThat(status.getDescription()).doesNotContain("secretflag");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bind", "remount", "ro,bind", "x-mount.mkdir=/etc", "make-shared", "suid", "noatime\nexec"})
    void mountFlagsThatNodesRefuseAreInvalidArgumentNamingTheField(String flag) {
        assertRejected(createRequest().clearVolumeCapabilities().addVolumeCapabilities(mount("ext4",
                Mode.SINGLE_NODE_WRITER, "noatime", flag)), "volume_capabilities[0].mount.mount_flags");
    }

    @Test
    void mutableParametersWithoutModifyVolumeAreInvalidArgument() {
        assertRejected(createRequest().putMutableParametersV2("kind", "image"), "MODIFY_VOLUME");
    }

    @Test
    void plainMountFlagsAreAccepted() {
        create(createRequest().clearVolumeCapabilities().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER,
                "noatime", "nodiratime", "discard", "data=ordered")));

        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void negativeSizesAreInvalidArgument() {
        assertRejected(createRequest().setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(-1)),
                "capacity_range");
        assertRejected(createRequest().setCapacityRange(CapacityRange.newBuilder().setLimitBytes(-5)),
                "capacity_range");
    }

    @Test
    void aLimitBelowTheRequirementIsInvalidArgument() {
        assertRejected(createRequest().setCapacityRange(
                CapacityRange.newBuilder().setRequiredBytes(2048).setLimitBytes(1024)), "capacity_range.limit_bytes");
    }

    @Test
    void parametersOverFourKilobytesAreInvalidArgument() {
        assertRejected(createRequest().putParameters("k", "v".repeat(4096)), "parameters exceeds 4096 bytes");
    }

    @Test
    void oversizedSecretsAreInvalidArgumentWithoutQuotingThem() {
        var status = assertFails(() -> create(createRequest().putSecrets("password", "hunter2".repeat(1000))),
                Code.INVALID_ARGUMENT, "secrets");

        assertThat(status.getDescription()).doesNotContain("hunter2").doesNotContain("password");
    }

    @Test
    void aContentSourceNamingNothingIsInvalidArgument() {
        assertRejected(createRequest().setVolumeContentSource(VolumeContentSource.getDefaultInstance()),
                "volume_content_source");
    }

    @Test
    void aSourceIdWithControlCharactersIsInvalidArgument() {
        assertRejected(createRequest().setVolumeContentSource(VolumeContentSource.newBuilder()
                .setVolume(VolumeContentSource.VolumeSource.newBuilder().setVolumeId("local:v\u0000"))),
                "volume_content_source.volume.volume_id");
    }

    @Test
    void cloningWithoutCloneVolumeAdvertisedIsInvalidArgument() {
        csi.describe.without(ControllerCapability.CLONE_VOLUME);

        assertRejected(createRequest().setVolumeContentSource(VolumeContentSource.newBuilder()
                .setVolume(VolumeContentSource.VolumeSource.newBuilder().setVolumeId("local:vol-0"))),
                "does not clone");
    }

    @Test
    void restoringWithoutSnapshotsAdvertisedIsInvalidArgument() {
        csi.describe.without(ControllerCapability.CREATE_DELETE_SNAPSHOT);

        assertRejected(createRequest().setVolumeContentSource(VolumeContentSource.newBuilder()
                .setSnapshot(VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId("local:snap-1"))),
                "does not restore");
    }

    @Test
    void malformedTopologyIsInvalidArgument() {
        assertRejected(createRequest().setAccessibilityRequirements(TopologyRequirement.newBuilder()
                .addRequisite(Topology.newBuilder().putSegments("Bad_Prefix/zone", "a"))),
                "accessibility_requirements.requisite[0]");
        assertRejected(createRequest().setAccessibilityRequirements(TopologyRequirement.getDefaultInstance()),
                "accessibility_requirements");
    }

    @Test
    void aPreferredTopologyOutsideRequisiteIsInvalidArgument() {
        assertRejected(createRequest().setAccessibilityRequirements(TopologyRequirement.newBuilder()
                .addRequisite(Topology.newBuilder().putSegments("zone", "a"))
                .addPreferred(Topology.newBuilder().putSegments("zone", "b"))), "not in requisite");
    }

    @Test
    void withoutCreateDeleteVolumeAdvertisedTheRpcIsUnimplemented() {
        csi.describe.without(ControllerCapability.CREATE_DELETE_VOLUME);

        assertFails(() -> create(createRequest()), Code.UNIMPLEMENTED, "CREATE_DELETE_VOLUME");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void useCaseFailuresKeepTheirCodeAndMessage() {
        csi.controller.createVolume = Either.left(Failure.alreadyExists("pvc-1 exists with another size"));

        assertFails(() -> create(createRequest()), Code.ALREADY_EXISTS, "pvc-1 exists with another size");
    }

    @Test
    void anUnexpectedExceptionInTheUseCaseIsInternalWithAReadableMessage() {
        csi.controller.throwing(new IllegalStateException("boom with details"));

        var status = assertFails(() -> create(createRequest()), Code.INTERNAL, "internal error in CreateVolume");

        assertThat(status.getDescription()).contains("IllegalStateException").contains("request_id=")
                .doesNotContain("boom with details");
    }

    @Test
    void aSnapshotSourceIdIsPassedRawForTheUseCaseToRoute() {
        create(createRequest().setVolumeContentSource(VolumeContentSource.newBuilder()
                .setSnapshot(VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId("legacy-handle"))));

        CreateVolumeCommand command = (CreateVolumeCommand) csi.controller.only().args().getFirst();
        assertThat(command.source()).contains(new SourceRef.Snapshot("legacy-handle"));
        assertThat(SnapshotId.parse("x", "legacy-handle").isLeft()).as("not a native id, still passed").isTrue();
    }
}
