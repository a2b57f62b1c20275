package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableTest {

    @TempDir
    Path tmp;

    @Test
    void writeNewCreatesTheFileWithExactlyTheBytesAndRefusesToOverwrite() throws Exception {
        Path file = tmp.resolve("record");

        Durable.writeNew(file, "first".getBytes());

        assertThat(file).hasContent("first");
        assertThatThrownBy(() -> Durable.writeNew(file, "second".getBytes()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file).hasContent("first");
    }

    @Test
    void replaceSwapsTheWholeContentAndLeavesNoTemporaryBehind() throws Exception {
        Path file = tmp.resolve("record");
        Path temporary = tmp.resolve("record.tmp");
        Files.writeString(file, "a longer old content");
        Files.writeString(temporary, "stale temporary from a crash, longer than the new content");

        Durable.replace(file, temporary, "new".getBytes());

        assertThat(file).hasContent("new");
        assertThat(temporary).doesNotExist();
    }

    @Test
    void syncAcceptsFilesAndDirectories() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");

        Durable.sync(file);
        Durable.sync(tmp);

        assertThat(file).hasContent("x");
    }

    @Test
    void aSparseFileHasTheExactSizeAndNoBlocks() throws Exception {
        Path image = tmp.resolve("image");

        Durable.createSparse(image, 512L << 20);

        assertThat(Files.size(image)).isEqualTo(512L << 20);
        assertThat(Allocation.allocatedBytes(image)).isLessThan(1 << 20);
    }

    @Test
    void resizeGrowsWithAHoleAndKeepsTheContent() throws Exception {
        Path image = Files.writeString(tmp.resolve("image"), "head");

        Durable.resize(image, 256L << 20);

        assertThat(Files.size(image)).isEqualTo(256L << 20);
        assertThat(new String(Files.newInputStream(image).readNBytes(4))).isEqualTo("head");
        assertThat(Allocation.allocatedBytes(image)).isLessThan(1 << 20);
    }
}
