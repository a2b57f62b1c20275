package io.csi4j.adapters.intelliflash;

import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeBackendContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The file backend keeps the backend contract against the simulated array (shares in a zone). */
class FileBackendContractTest extends VolumeBackendContract {

    @TempDir
    Path dir;

    private SimulatedArray array;

    @Override
    protected VolumeBackend newBackend() {
        array = SimulatedArray.start(dir);
        return array.file(Optional.of("zone-1"), Optional.empty());
    }

    @Override
    protected boolean reusesIdsOfDeletedVolumes() {
        return true;
    }

    @Override
    protected void writeMarker(VolumeBackend backend, Volume volume, String marker) throws Exception {
        Files.writeString(array.data(volume).resolve("marker"), marker, StandardCharsets.UTF_8);
    }

    @Override
    protected Optional<String> readMarker(VolumeBackend backend, Volume volume) throws Exception {
        Path m = array.data(volume).resolve("marker");
        return Files.exists(m) ? Optional.of(Files.readString(m, StandardCharsets.UTF_8)) : Optional.empty();
    }

    @AfterEach
    void stop() {
        array.close();
    }
}
