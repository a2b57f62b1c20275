package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import io.csi4j.ports.in.ValidateVolumeCapabilitiesUseCase;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * CSI ValidateVolumeCapabilities (§3.6): NotFound for an unknown volume; otherwise confirmed only when every
 * capability is supported and the parameters, if given, are those the volume was created with. What is confirmed
 * echoes only what was checked — the capabilities, and the parameters when they could be compared — so a CO can
 * tell what this plugin did not validate (the volume context and mutable parameters are never echoed).
 */
public final class ValidateVolumeCapabilitiesService implements ValidateVolumeCapabilitiesUseCase {

    private final Backends backends;

    public ValidateVolumeCapabilitiesService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, Validation> validate(ValidateCommand c) {
        return backends.volume("volume_id", c.volumeId())
                .flatMap(r -> r.backend().get(r.id()).flatMap(v -> judge(r.backend(), v, c)));
    }

    private static Either<Failure, Validation> judge(VolumeBackend backend, Volume volume, ValidateCommand c) {
        for (VolumeCapability cap : c.capabilities()) {
            var supported = backend.supports(volume, cap);
            if (supported.isLeft()) {
                // Only "cannot serve it" is an answer; a backend that cannot be asked right now is an error.
                return supported.getLeft() instanceof Failure.InvalidArgument
                        ? Either.right(new Validation.NotConfirmed(supported.getLeft().message()))
                        : Either.left(supported.getLeft());
            }
        }
        Optional<String> otherBackend = c.parameters().get(BackendSelection.PARAMETER)
                .filter(named -> !named.equals(backend.name().value()));
        if (otherBackend.isPresent()) {
            return Either.right(new Validation.NotConfirmed("the volume lives on backend " + backend.name()
                    + ", not on " + Printable.of(otherBackend.get())));
        }
        boolean compared = !c.parameters().isEmpty() && Compatibility.parametersKnown(backend, volume);
        if (compared && !volume.parameters().withoutKubernetesKeys()
                .equals(BackendSelectionKey.strip(c.parameters()).withoutKubernetesKeys())) {
            return Either.right(new Validation.NotConfirmed("the volume was created with other parameters"));
        }
        return Either.right(new Validation.Confirmed(c.capabilities(), Parameters.EMPTY,
                compared ? c.parameters() : Parameters.EMPTY, Parameters.EMPTY));
    }
}
