package io.csi4j.adapters.local;

import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.volume.Volume;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Puts a marker into a local volume's data the way a workload would: a file in a directory volume, or bytes
 * at the start of an image (as a raw block device user would).
 */
final class LocalMarkers {

    static final String FILE = "csi4j-marker";

    private LocalMarkers() {}

    static void write(Volume volume, String marker) throws IOException {
        switch (volume.dataPath()) {
            case DataPath.LocalDirectory d -> Files.writeString(Path.of(d.path()).resolve(FILE), marker);
            case DataPath.LocalImage i -> {
                byte[] text = marker.getBytes(StandardCharsets.UTF_8);
                try (FileChannel c = FileChannel.open(Path.of(i.path()), WRITE)) {
                    c.write(ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).flip(), 0);
                }
            }
            default -> throw new IllegalArgumentException("not a local volume: " + volume);
        }
    }

    static Optional<String> read(Volume volume) throws IOException {
        switch (volume.dataPath()) {
            case DataPath.LocalDirectory d -> {
                Path file = Path.of(d.path()).resolve(FILE);
                return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            }
            case DataPath.LocalImage i -> {
                try (FileChannel c = FileChannel.open(Path.of(i.path()), READ)) {
                    ByteBuffer length = ByteBuffer.allocate(4);
                    c.read(length, 0);
                    int n = length.flip().getInt();
                    if (n == 0) {
                        return Optional.empty();
                    }
                    ByteBuffer text = ByteBuffer.allocate(n);
                    c.read(text, 4);
                    return Optional.of(new String(text.array(), StandardCharsets.UTF_8));
                }
            }
            default -> throw new IllegalArgumentException("not a local volume: " + volume);
        }
    }
}
