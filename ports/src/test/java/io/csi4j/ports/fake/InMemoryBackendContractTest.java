package io.csi4j.ports.fake;

import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeBackendContract;
import java.util.Optional;

/** The in-memory fake that use-case tests rely on keeps the same contract as the real backends. */
class InMemoryBackendContractTest extends VolumeBackendContract {

    @Override
    protected VolumeBackend newBackend() {
        return InMemoryVolumeBackend.named("mem").build();
    }

    @Override
    protected void writeMarker(VolumeBackend backend, Volume volume, String marker) {
        ((InMemoryVolumeBackend) backend).write(volume.id(), marker);
    }

    @Override
    protected Optional<String> readMarker(VolumeBackend backend, Volume volume) {
        return Optional.ofNullable(((InMemoryVolumeBackend) backend).read(volume.id()));
    }
}
