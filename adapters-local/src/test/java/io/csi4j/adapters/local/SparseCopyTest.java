package io.csi4j.adapters.local;

import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseCopyTest {

    @TempDir
    Path tmp;

    private static void writeAt(Path file, long at, byte[] bytes) throws Exception {
        try (FileChannel c = FileChannel.open(file, WRITE)) {
            c.write(ByteBuffer.wrap(bytes), at);
        }
    }

    @Test
    void aSparseImageStaysSparseAndIdenticalIncludingItsTrailingHole() throws Exception {
        Path source = tmp.resolve("source");
        Durable.createSparse(source, 256L << 20);
        byte[] random = new byte[3 << 20];
        new Random(7).nextBytes(random);
        writeAt(source, 5L << 20, random);
        writeAt(source, (100L << 20) + 17, "in the middle of a chunk".getBytes());
        Path copy = tmp.resolve("copy");

        SparseCopy.copy(source, copy);

        assertThat(Files.size(copy)).isEqualTo(Files.size(source));
        assertThat(Files.mismatch(source, copy)).isEqualTo(-1);
        // 3 MiB of data may span 4 chunks, plus one chunk for the small write: far below the 256 MiB size.
        assertThat(Allocation.allocatedBytes(copy)).isLessThanOrEqualTo(6L << 20);
    }

    @Test
    void aFileShorterThanAChunkAndAnEmptyFileAreCopied() throws Exception {
        Path small = Files.writeString(tmp.resolve("small"), "tiny");
        Path empty = Files.createFile(tmp.resolve("empty"));

        SparseCopy.copy(small, tmp.resolve("small-copy"));
        SparseCopy.copy(empty, tmp.resolve("empty-copy"));

        assertThat(tmp.resolve("small-copy")).hasContent("tiny");
        assertThat(Files.size(tmp.resolve("empty-copy"))).isZero();
    }

    @Test
    void aFileEndingInZerosHasItsFullLength() throws Exception {
        Path source = tmp.resolve("source");
        Files.write(source, new byte[(3 << 20) + 5]);
        writeAt(source, 0, "start".getBytes());

        SparseCopy.copy(source, tmp.resolve("copy"));

        assertThat(Files.mismatch(source, tmp.resolve("copy"))).isEqualTo(-1);
    }
}
