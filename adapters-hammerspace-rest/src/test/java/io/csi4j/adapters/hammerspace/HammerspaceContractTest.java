package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeBackendContract;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend port contract against the simulator, for share volumes; {@code Hammerspace*ContractTest} run it for the
 * other kinds. Markers
 * are files in share and directory volumes, and bytes at a fixed offset of a file-backed volume's image.
 */
class HammerspaceContractTest extends VolumeBackendContract {

    private static final long MARKER_OFFSET = 8192;

    @TempDir
    Path dir;

    private final List<SimulatedCluster> clusters = new ArrayList<>();
    SimulatedCluster cluster;

    @Override
    protected VolumeBackend newBackend() {
        try {
            cluster = new SimulatedCluster(dir.resolve("cluster-" + clusters.size()));
            clusters.add(cluster);
            return cluster.backend;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopClusters() throws IOException {
        for (SimulatedCluster c : clusters) {
            c.close();
        }
    }

    @Override
    protected VolumeCapability capability() {
        return VolumeCapability.mount("", AccessMode.MULTI_NODE_MULTI_WRITER);
    }

    boolean imageKind() {
        return false;
    }

    @Override
    protected void writeMarker(VolumeBackend backend, Volume volume, String marker) throws IOException {
        Path data = cluster.pathOf(volume.id().value());
        if (!imageKind()) {
            Files.writeString(data.resolve("marker"), marker);
            return;
        }
        byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "rw")) {
            f.seek(MARKER_OFFSET);
            f.writeInt(bytes.length);
            f.write(bytes);
        }
    }

    @Override
    protected Optional<String> readMarker(VolumeBackend backend, Volume volume) throws IOException {
        Path data = cluster.pathOf(volume.id().value());
        if (!imageKind()) {
            Path m = data.resolve("marker");
            return Files.exists(m) ? Optional.of(Files.readString(m)) : Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(data.toFile(), "r")) {
            f.seek(MARKER_OFFSET);
            int n = f.readInt();
            if (n <= 0) {
                return Optional.empty();
            }
            byte[] bytes = new byte[n];
            f.readFully(bytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
