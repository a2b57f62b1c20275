package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.ValidateVolumeCapabilitiesResponse;
import io.csi4j.ports.in.Validation;

/**
 * Translates the outcome of ValidateVolumeCapabilities. {@code confirmed} is rebuilt from the domain values the
 * use case checked, never copied from the request, so fields this plugin does not understand are not echoed and
 * the CO can see what was not validated (CSI §3.6).
 */
public final class ValidationMapper {

    private ValidationMapper() {}

    public static ValidateVolumeCapabilitiesResponse toProto(Validation validation) {
        return switch (validation) {
            case Validation.Confirmed c -> ValidateVolumeCapabilitiesResponse.newBuilder()
                    .setConfirmed(ValidateVolumeCapabilitiesResponse.Confirmed.newBuilder()
                            .addAllVolumeCapabilities(c.capabilities().stream()
                                    .map(VolumeCapabilityMapper::toProto).toList())
                            .putAllVolumeContext(c.volumeContext().values())
                            .putAllParameters(c.parameters().values())
                            .putAllMutableParametersV2(c.mutableParameters().values()))
                    .build();
            case Validation.NotConfirmed n -> ValidateVolumeCapabilitiesResponse.newBuilder()
                    .setMessage(n.message())
                    .build();
        };
    }
}
