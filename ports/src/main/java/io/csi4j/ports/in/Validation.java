package io.csi4j.ports.in;

import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;

/** The answer of ValidateVolumeCapabilities: every capability confirmed, or why not. */
public sealed interface Validation {

    /** All capabilities are supported; echoes only what was understood and checked. */
    record Confirmed(List<VolumeCapability> capabilities, Parameters volumeContext, Parameters parameters,
            Parameters mutableParameters) implements Validation {}

    /** At least one capability is not supported. */
    record NotConfirmed(String message) implements Validation {}
}
