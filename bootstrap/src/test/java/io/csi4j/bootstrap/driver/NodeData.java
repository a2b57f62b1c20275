package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * Data a workload writes through one publication and reads through another: a file in a mounted volume, or bytes
 * at the start of a block device. Written with fsync, so the other view (and a later mount) sees them.
 */
final class NodeData {

    private static final String FILE = "written-by-node-it";

    private NodeData() {}

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Writes {@code data} into the volume published at {@code target}: a file, or the device's first bytes. */
    static void write(Path target, boolean block, byte[] data) throws IOException {
        Path where = block ? target : target.resolve(FILE);
        var options = block ? new StandardOpenOption[] {StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING};
        try (FileChannel ch = FileChannel.open(where, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                ch.write(buffer, buffer.position());
            }
            ch.force(true);
        }
    }

    /** Reads {@code size} bytes back from the volume published at {@code target}. */
    static byte[] read(Path target, boolean block, int size) throws IOException {
        if (!block) {
            return Files.readAllBytes(target.resolve(FILE));
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining() && ch.read(buffer, buffer.position()) >= 0) {
                // keep reading until full
            }
            return buffer.array();
        }
    }
}
