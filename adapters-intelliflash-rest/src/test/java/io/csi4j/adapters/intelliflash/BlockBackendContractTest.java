package io.csi4j.adapters.intelliflash;

import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeBackendContract;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The block backend keeps the backend contract against the simulated array (LUNs inheriting the project's views). */
class BlockBackendContractTest extends VolumeBackendContract {

    static final int MARKER = 64;

    @TempDir
    Path dir;

    SimulatedArray array;

    @Override
    protected VolumeBackend newBackend() {
        array = SimulatedArray.start(dir);
        return array.block(true, Optional.empty());
    }

    @Override
    protected boolean reusesIdsOfDeletedVolumes() {
        return true;
    }

    @Override
    protected void writeMarker(VolumeBackend backend, Volume volume, String marker) throws Exception {
        byte[] block = new byte[MARKER];
        byte[] text = marker.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, block, 0, text.length);
        try (RandomAccessFile f = new RandomAccessFile(array.data(volume).toFile(), "rw")) {
            f.write(block);
        }
    }

    @Override
    protected Optional<String> readMarker(VolumeBackend backend, Volume volume) throws Exception {
        byte[] block = new byte[MARKER];
        try (RandomAccessFile f = new RandomAccessFile(array.data(volume).toFile(), "r")) {
            f.readFully(block);
        }
        String text = new String(block, StandardCharsets.UTF_8).replace("\0", "");
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    @AfterEach
    void stop() {
        array.close();
    }
}
