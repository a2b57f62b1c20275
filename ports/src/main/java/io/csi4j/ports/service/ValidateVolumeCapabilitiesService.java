package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import io.csi4j.ports.in.ValidateVolumeCapabilitiesUseCase;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;

/**
 * CSI ValidateVolumeCapabilities (§3.6): NotFound for an unknown volume; otherwise confirmed only when every
 * capability is supported and the parameters, if given, are those the volume was created with.
 */
public final class ValidateVolumeCapabilitiesService implements ValidateVolumeCapabilitiesUseCase {

    private final Backends backends;

    public ValidateVolumeCapabilitiesService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, Validation> validate(ValidateCommand c) {
        return backends.volume("volume_id", c.volumeId())
                .flatMap(r -> r.backend().get(r.id()).map(v -> judge(r.backend(), v, c)));
    }

    private static Validation judge(VolumeBackend backend, Volume volume, ValidateCommand c) {
        for (VolumeCapability cap : c.capabilities()) {
            var supported = backend.supports(volume, cap);
            if (supported.isLeft()) {
                return new Validation.NotConfirmed(supported.getLeft().message());
            }
        }
        if (!c.parameters().isEmpty() && Compatibility.parametersKnown(backend, volume) && !volume.parameters()
                .withoutKubernetesKeys().equals(BackendSelectionKey.strip(c.parameters()).withoutKubernetesKeys())) {
            return new Validation.NotConfirmed("the volume was created with other parameters");
        }
        return new Validation.Confirmed(c.capabilities(), c.volumeContext(), c.parameters(), c.mutableParameters());
    }
}
