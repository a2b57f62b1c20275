package io.csi4j.adapters.grpc.controller;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import java.util.Optional;

/**
 * ValidateVolumeCapabilities with an alpha single-node access mode while SINGLE_NODE_MULTI_WRITER is not
 * advertised: the capability is unsupported, which CSI §3.6 answers with OK and no {@code confirmed}, not with
 * an error.
 */
final class AccessModeCheck {

    private AccessModeCheck() {}

    static Optional<Validation> unadvertised(ValidateCommand command, Advertised advertised) {
        if (advertised.has(ControllerCapability.SINGLE_NODE_MULTI_WRITER)) {
            return Optional.empty();
        }
        return command.capabilities().stream()
                .map(VolumeCapability::accessMode)
                .filter(mode -> mode.isAlphaSingleNode())
                .findFirst()
                .map(mode -> new Validation.NotConfirmed("access mode " + mode
                        + " is not supported: this plugin does not advertise SINGLE_NODE_MULTI_WRITER"));
    }
}
