package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assembly and root handling; needs no privileges. */
class LinuxHostTest {

    @TempDir
    Path dir;

    @Test
    void aMissingRootStopsCreationWithInvalidArgument() {
        Failure failure = LinuxHost.create(HostConfig.withRoots(List.of(dir.resolve("absent")))).getLeft();

        assertThat(failure).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failure.message()).contains("absent");
    }

    @Test
    void aRootThatIsASymlinkAcceptsPathsUnderEitherName() throws IOException {
        Path real = Files.createDirectory(dir.resolve("data-kubelet"));
        Path link = Files.createSymbolicLink(dir.resolve("kubelet"), real);
        LinuxHost host = LinuxHost.create(HostConfig.withRoots(List.of(link))).get();

        assertThat(host.paths().ensureDirectory(link.resolve("pods/a")).isRight()).isTrue();
        assertThat(host.paths().kind(real.resolve("pods/a")).get()).isEqualTo(Kind.DIRECTORY);
        assertThat(host.paths().confine("target", link.resolve("pods/a").toString()).get())
                .isEqualTo(link.resolve("pods/a"));
        assertThat(host.paths().confine("target", dir.resolve("other").toString()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
    }

    @Test
    void aSymlinkLoopInsideTheRootIsInvalidNotAHang() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("a"), root.resolve("b"));
        Files.createSymbolicLink(root.resolve("b"), root.resolve("a"));
        LinuxHost host = LinuxHost.create(HostConfig.withRoots(List.of(root))).get();

        assertThat(host.paths().ensureDirectory(root.resolve("a/x")).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class).extracting(Failure::message).asString()
                .contains("symbolic links");
    }

    @Test
    void aRegularFileInThePathMeansTheRestDoesNotExist() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.createFile(root.resolve("file"));
        LinuxHost host = LinuxHost.create(HostConfig.withRoots(List.of(root))).get();

        assertThat(host.paths().kind(root.resolve("file/below")).get()).isEqualTo(Kind.ABSENT);
        assertThat(host.paths().ensureDirectory(root.resolve("file/below")).isLeft()).isTrue();
    }
}
