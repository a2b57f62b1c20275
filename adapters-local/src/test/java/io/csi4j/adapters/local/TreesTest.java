package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {

    @TempDir
    Path tmp;

    private Path outsideFile() throws Exception {
        return Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("precious"), "keep me");
    }

    @Test
    void deleteRemovesLinksButNeverWhatTheyPointTo() throws Exception {
        Path precious = outsideFile();
        Path tree = Files.createDirectories(tmp.resolve("tree").resolve("sub"));
        Files.createSymbolicLink(tree.resolve("to-file"), precious);
        Files.createSymbolicLink(tree.resolve("to-dir"), precious.getParent());

        assertThat(Trees.delete(tmp.resolve("tree"))).isTrue();

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void deleteOfALinkAtTheTopRemovesOnlyTheLink() throws Exception {
        Path precious = outsideFile();
        Path link = Files.createSymbolicLink(tmp.resolve("link"), precious.getParent());

        Trees.delete(link);

        assertThat(link).doesNotExist();
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void deleteOfNothingIsFalse() throws Exception {
        assertThat(Trees.delete(tmp.resolve("absent"))).isFalse();
    }

    @Test
    void copyKeepsContentLinksModesAndTimesAndDoesNotFollowLinks() throws Exception {
        Path precious = outsideFile();
        Path src = Files.createDirectories(tmp.resolve("src").resolve("a").resolve("b"));
        Path file = Files.writeString(src.resolve("file"), "content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setAttribute(src, "unix:mode", 02775);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        Files.createSymbolicLink(src.resolve("escape"), precious.getParent());
        Files.setLastModifiedTime(tmp.resolve("src"), FileTime.fromMillis(1_200_000_000_000L));
        Path dst = tmp.resolve("dst");

        Trees.copy(tmp.resolve("src"), dst);

        Path copied = dst.resolve("a").resolve("b");
        assertThat(copied.resolve("file")).hasContent("content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copied.resolve("file"))))
                .isEqualTo("rwxr-x---");
        assertThat(((Integer) Files.getAttribute(copied, "unix:mode")) & 07777).isEqualTo(02775);
        assertThat(Files.getLastModifiedTime(copied.resolve("file")).toMillis()).isEqualTo(1_000_000_000_000L);
        assertThat(Files.getLastModifiedTime(dst).toMillis()).isEqualTo(1_200_000_000_000L);
        assertThat(Files.isSymbolicLink(copied.resolve("escape"))).isTrue();
        assertThat(Files.readSymbolicLink(copied.resolve("escape"))).isEqualTo(precious.getParent());
        try (var walk = Files.walk(dst)) {
            assertThat(walk.map(p -> p.getFileName().toString())).as("nothing copied through the link")
                    .doesNotContain("precious");
        }
    }

    @Test
    void deleteRefusesToDescendIntoAnotherMountedFileSystem() throws Exception {
        assumeTrue(isRoot(), "needs root to mount");
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Path mountPoint = Files.createDirectories(tree.resolve("mounted"));
        run("mount", "-t", "tmpfs", "-o", "size=1m", "csi4j-test", mountPoint.toString());
        try {
            Files.writeString(mountPoint.resolve("inside"), "another file system");

            assertThatThrownBy(() -> Trees.delete(tree)).isInstanceOf(Trees.ForeignMountException.class);

            assertThat(mountPoint.resolve("inside")).hasContent("another file system");
        } finally {
            run("umount", mountPoint.toString());
        }
    }

    private static boolean isRoot() throws Exception {
        return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(List.of(argv)).inheritIO().start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", argv)).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
