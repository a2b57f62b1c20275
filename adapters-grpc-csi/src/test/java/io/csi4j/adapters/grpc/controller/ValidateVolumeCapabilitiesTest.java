package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static io.csi4j.adapters.grpc.fakes.Samples.mount;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UnknownFieldSet;
import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesResponse;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import io.grpc.Status.Code;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidateVolumeCapabilitiesTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    private static ValidateVolumeCapabilitiesRequest.Builder request() {
        return ValidateVolumeCapabilitiesRequest.newBuilder()
                .setVolumeId("local:vol-1")
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER, "noatime"));
    }

    private ValidateVolumeCapabilitiesResponse validate(ValidateVolumeCapabilitiesRequest.Builder request) {
        return csi.controllerStub().validateVolumeCapabilities(request.build());
    }

    @Test
    void translatesTheRequestIntoACommand() {
        validate(request().putVolumeContext("csi4j.io/data", "local-directory").putParameters("tier", "gold")
                .putMutableParametersV2("iops", "100"));

        ValidateCommand command = (ValidateCommand) csi.controller.only().args().getFirst();
        assertThat(command.volumeId()).isEqualTo("local:vol-1");
        assertThat(command.capabilities()).containsExactly(new VolumeCapability(
                new AccessType.Mount("ext4", List.of("noatime"), ""), AccessMode.SINGLE_NODE_WRITER));
        assertThat(command.volumeContext().values()).containsEntry("csi4j.io/data", "local-directory");
        assertThat(command.parameters().values()).containsEntry("tier", "gold");
        assertThat(command.mutableParameters().values()).containsEntry("iops", "100");
    }

    @Test
    void confirmedIsRebuiltFromUnderstoodFieldsSoUnknownFieldsAreNotEchoed() {
        var sent = mount("ext4", Mode.SINGLE_NODE_WRITER, "noatime").toBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build())
                .build();
        csi.controller.validate = Either.right(new Validation.Confirmed(List.of(new VolumeCapability(
                new AccessType.Mount("ext4", List.of("noatime"), ""), AccessMode.SINGLE_NODE_WRITER)),
                Parameters.EMPTY, new Parameters(Map.of("tier", "gold")), Parameters.EMPTY));

        var confirmed = validate(request().clearVolumeCapabilities().addVolumeCapabilities(sent)
                .putParameters("tier", "gold")).getConfirmed();

        assertThat(confirmed.getVolumeCapabilitiesList())
                .containsExactly(mount("ext4", Mode.SINGLE_NODE_WRITER, "noatime"));
        assertThat(confirmed.getVolumeCapabilities(0).getUnknownFields().asMap()).isEmpty();
        assertThat(confirmed.getParametersMap()).containsExactly(Map.entry("tier", "gold"));
    }

    @Test
    void notConfirmedHasNoConfirmedAndCarriesTheMessage() {
        csi.controller.validate = Either.right(new Validation.NotConfirmed("block access is not supported"));

        var response = validate(request());

        assertThat(response.hasConfirmed()).isFalse();
        assertThat(response.getMessage()).isEqualTo("block access is not supported");
    }

    @Test
    void anAlphaModeThatIsNotAdvertisedIsNotConfirmedWithoutAskingTheUseCase() {
        var response = validate(request().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_SINGLE_WRITER)));

        assertThat(response.hasConfirmed()).isFalse();
        assertThat(response.getMessage()).contains("SINGLE_NODE_SINGLE_WRITER");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void anAdvertisedAlphaModeGoesToTheUseCase() {
        csi.describe.with(ControllerCapability.SINGLE_NODE_MULTI_WRITER);

        validate(request().addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_MULTI_WRITER)));

        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void requiredFieldsMissingAreInvalidArgument() {
        assertFails(() -> validate(request().clearVolumeId()), Code.INVALID_ARGUMENT, "volume_id is required");
        assertFails(() -> validate(request().clearVolumeCapabilities()), Code.INVALID_ARGUMENT,
                "volume_capabilities is required");
        assertFails(() -> validate(request().addVolumeCapabilities(mount("ext4", Mode.UNKNOWN))),
                Code.INVALID_ARGUMENT, "volume_capabilities[1].access_mode.mode");
        assertThat(csi.controller.calls()).isEmpty();
    }

    @Test
    void isServedWhateverTheAdvertisedCapabilities() {
        for (ControllerCapability c : ControllerCapability.values()) {
            csi.describe.without(c);
        }

        validate(request());

        assertThat(csi.controller.calls()).hasSize(1);
    }

    @Test
    void anUnknownVolumeIsNotFound() {
        csi.controller.validate = Either.left(Failure.notFound("volume local:vol-1 does not exist"));

        assertFails(() -> validate(request()), Code.NOT_FOUND, "does not exist");
    }
}
