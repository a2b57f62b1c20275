package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/** Tells whether an existing volume can serve every capability asked (CSI ValidateVolumeCapabilities). */
@FunctionalInterface
public interface ValidateVolumeCapabilitiesUseCase {
    Either<Failure, Validation> validate(ValidateCommand command);
}
