package io.csi4j.simulator.intelliflash.data;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies files so that holes stay holes: a snapshot of a thin 1 GiB LUN holding a few blocks must not become
 * 1 GiB of zeros on the simulator's disk. Chunks that read as all zeros are skipped and the length set at the end.
 */
final class SparseFiles {

    private static final int CHUNK = 1 << 20;

    private SparseFiles() {}

    static void copy(Path source, Path target) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try (FileChannel in = FileChannel.open(source, READ); FileChannel out = FileChannel.open(target, CREATE_NEW, WRITE)) {
            long size = in.size();
            for (long at = 0; at < size; at += CHUNK) {
                chunk.clear();
                int n = fill(in, chunk, at);
                if (n <= 0) {
                    break;
                }
                if (!zeros(chunk.array(), n)) {
                    chunk.flip();
                    while (chunk.hasRemaining()) {
                        out.write(chunk, at + chunk.position());
                    }
                }
            }
        }
        // A trailing hole was never written: set the length explicitly.
        create(target, Files.size(source));
    }

    static void create(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    static void resize(Path file, long size) throws IOException {
        create(file, size);
    }

    private static int fill(FileChannel in, ByteBuffer chunk, long at) throws IOException {
        int total = 0;
        while (chunk.hasRemaining()) {
            int n = in.read(chunk, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static boolean zeros(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
