package io.csi4j.ports.in;

import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;
import java.util.Objects;

/** A validated ValidateVolumeCapabilities request; {@code capabilities} is non-empty. */
public record ValidateCommand(
        String volumeId,
        List<VolumeCapability> capabilities,
        Parameters volumeContext,
        Parameters parameters,
        Parameters mutableParameters) {

    public ValidateCommand {
        Objects.requireNonNull(volumeId, "'volumeId' must not be null");
        Objects.requireNonNull(volumeContext, "'volumeContext' must not be null");
        Objects.requireNonNull(parameters, "'parameters' must not be null");
        Objects.requireNonNull(mutableParameters, "'mutableParameters' must not be null");
        capabilities = List.copyOf(capabilities);
        if (capabilities.isEmpty()) {
            throw new IllegalArgumentException("at least one volume capability is required");
        }
    }
}
