package io.csi4j.adapters.local;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The few file-system moves that make state survive a crash, each ending in fsync. A new file is written
 * and forced in place (a torn one is rejected by its checksum); an existing file is replaced through a
 * forced temporary and an atomic rename; a directory is forced so that entries created, renamed or removed
 * in it are durable (on Linux, fsync on a directory opened read-only does this).
 */
final class Durable {

    private Durable() {}

    /** Creates {@code file}, which must not exist, with {@code bytes}, and forces data and metadata. */
    static void writeNew(Path file, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(file, CREATE_NEW, WRITE)) {
            writeFully(c, bytes);
            c.force(true);
        }
    }

    /**
     * Replaces {@code file} atomically: readers see the old or the new content, never a mix. The caller
     * forces the parent directory to make the rename itself durable.
     */
    static void replace(Path file, Path temporary, byte[] bytes) throws IOException {
        try (FileChannel c = FileChannel.open(temporary, CREATE, TRUNCATE_EXISTING, WRITE)) {
            writeFully(c, bytes);
            c.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Forces a file or a directory that already exists. */
    static void sync(Path fileOrDirectory) throws IOException {
        try (FileChannel c = FileChannel.open(fileOrDirectory, READ)) {
            c.force(true);
        }
    }

    /** Creates a sparse file of exactly {@code size} bytes (no block is allocated) and forces it. */
    static void createSparse(Path file, long size) throws IOException {
        FileChannel.open(file, CREATE_NEW, WRITE).close();
        resize(file, size);
    }

    /** Sets the length of an existing file (ftruncate, so growth leaves a hole) and forces it. */
    static void resize(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
            f.getChannel().force(true);
        }
    }

    private static void writeFully(FileChannel c, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }
}
