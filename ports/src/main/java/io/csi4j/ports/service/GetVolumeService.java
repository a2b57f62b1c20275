package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.ports.in.GetVolumeUseCase;
import io.vavr.control.Either;

/** CSI ControllerGetVolume (§3.8): the volume and its status; NotFound when no backend has it. */
public final class GetVolumeService implements GetVolumeUseCase {

    private final Backends backends;

    public GetVolumeService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, VolumeEntry> getVolume(String volumeId) {
        return backends.volume("volume_id", volumeId)
                .flatMap(r -> r.backend().get(r.id()).map(v -> VolumeStatuses.entry(r.backend(), v)));
    }
}
