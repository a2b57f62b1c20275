package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.ExpandVolumeUseCase;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * CSI ControllerExpandVolume (§3.15): grows the volume to the range's lower bound (or its upper bound when only
 * that is given), rounded to the backend's allocation unit; a volume already that large is reported as it is.
 * Sizes beyond the backend's maximum are OutOfRange; a capability the volume cannot serve is InvalidArgument.
 */
public final class ExpandVolumeService implements ExpandVolumeUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public ExpandVolumeService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Expansion> expandVolume(String volumeId, CapacityRange capacity,
            Optional<VolumeCapability> capability, Secrets secrets) {
        if (capacity.isUnspecified()) {
            return Either.left(Failure.invalidArgument("capacity_range needs required_bytes or limit_bytes"));
        }
        return inFlight.exclusively(InFlight.volume(volumeId), () -> backends.volume("volume_id", volumeId)
                .flatMap(r -> {
                    Optional<ExpansionSupport> expansion = r.backend().expansion();
                    if (expansion.isEmpty()) {
                        return Either.left(Failure.invalidArgument("backend " + r.backend().name()
                                + " cannot expand volumes"));
                    }
                    return r.backend().get(r.id())
                            .flatMap(v -> served(r.backend(), v, capability))
                            .flatMap(v -> targetRange(capacity).resolve(r.backend().sizePolicy(v.parameters())))
                            .flatMap(size -> expansion.get().expand(r.id(), size,
                                    capability.map(VolumeCapability::isBlock).orElse(false), secrets));
                }));
    }

    /** §3.15: the capability the CO would publish with, when given, must be one the volume can serve. */
    private static Either<Failure, Volume> served(VolumeBackend backend, Volume volume,
            Optional<VolumeCapability> capability) {
        if (capability.isEmpty()) {
            return Either.right(volume);
        }
        return backend.supports(volume, capability.get())
                .mapLeft(f -> f instanceof Failure.InvalidArgument
                        ? Failure.invalidArgument("volume_capability: " + f.message())
                        : f)
                .map(ok -> volume);
    }

    /** Only a limit given: grow to the limit. */
    private static CapacityRange targetRange(CapacityRange asked) {
        return asked.requiredBytes() > 0 ? asked : new CapacityRange(asked.limitBytes(), asked.limitBytes());
    }
}
