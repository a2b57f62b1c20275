package io.csi4j.adapters.local;

import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeBackendContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The backend port contract against directory volumes in a real temporary directory. */
class LocalBackendContractTest extends VolumeBackendContract {

    @TempDir
    Path tmp;

    @Override
    protected VolumeBackend newBackend() {
        try {
            Path root = Files.createTempDirectory(tmp, "root");
            // 320 MiB: above the xfs minimum, and small enough that copying sparse images stays quick.
            LocalBackendConfig config = new LocalBackendConfig(new BackendName("local"), root, "node-1",
                    LocalBackendConfig.DEFAULT_TOPOLOGY_KEY, 320L << 20, LocalBackendConfig.DEFAULT_MAXIMUM_VOLUME_BYTES,
                    "ext4");
            return LocalBackend.open(config).getOrElseThrow(f -> new IllegalStateException(f.message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeMarker(VolumeBackend backend, Volume volume, String marker) throws IOException {
        LocalMarkers.write(volume, marker);
    }

    @Override
    protected Optional<String> readMarker(VolumeBackend backend, Volume volume) throws IOException {
        return LocalMarkers.read(volume);
    }
}
