package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.Command;
import io.csi4j.hostexec.CommandResult;
import io.csi4j.hostexec.Executables;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.metrics.Recorders;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growing a loop device re-reads its backing file's size; on NFS the client's cached size hides a file grown on the
 * server, so the backing file is opened first (close-to-open makes the client fetch its attributes). Seen here with
 * a FIFO as the backing file: a writer's open of a FIFO returns only once a reader opened it.
 */
class SysfsLoopDevicesRefreshTest {

    @TempDir
    Path dir;

    private final List<Command> ran = new ArrayList<>();
    private final List<Boolean> openedBeforeLosetup = new ArrayList<>();
    private CompletableFuture<Void> writer;

    private SysfsLoopDevices loops(Path backing, String suffix) throws IOException {
        Path sys = dir.resolve("sys");
        Files.createDirectories(sys.resolve("loop3/loop"));
        Files.writeString(sys.resolve("loop3/loop/backing_file"), backing + suffix + "\n");
        var confinement = new Confinement(new PathGuard(List.of(new PathGuard.Root(dir, dir)),
                () -> Either.right(Set.of())), new BlockingCalls(2), Duration.ofSeconds(5));
        HostCommands commands = new HostCommands(this::run, new Executables(List.of(Path.of("/usr/sbin"),
                Path.of("/sbin"), Path.of("/usr/bin"), Path.of("/bin"))), ToolErrors::classify,
                Recorders.none().commands());
        return new SysfsLoopDevices(new LoopSysfs(sys, Path.of("/dev")), commands, confinement, Duration.ofSeconds(5));
    }

    private Either<Failure, CommandResult> run(Command command) {
        ran.add(command);
        openedBeforeLosetup.add(writer != null && writerReleased());
        return Either.right(new CommandResult(command.display(), 0, "", ""));
    }

    /**
     * Whether the writer got past its open: a reader's open returns before the writer thread completes its future,
     * so wait a little (a writer nobody released stays blocked, and the wait runs out).
     */
    private boolean writerReleased() {
        try {
            writer.get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Path fifoWithAWaitingWriter() throws Exception {
        Path fifo = dir.resolve("image.img");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        writer = CompletableFuture.runAsync(() -> {
            try (FileChannel w = FileChannel.open(fifo, StandardOpenOption.WRITE)) {
                // opened: some reader opened the FIFO
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return fifo;
    }

    /** Releases a writer the code under test did not release, so no thread stays blocked. */
    private void releaseWriter(Path fifo) throws Exception {
        if (!writer.isDone()) {
            try (FileChannel r = FileChannel.open(fifo, StandardOpenOption.READ)) {
                writer.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theBackingFileIsOpenedBeforeTheDeviceTakesItsSize() throws Exception {
        Path fifo = fifoWithAWaitingWriter();
        try {
            var done = loops(fifo, "").refreshCapacity(Path.of("/dev/loop3"));

            assertThat(done.isRight()).as(done.toString()).isTrue();
            assertThat(ran).singleElement().satisfies(c -> assertThat(c.argv()).containsSequence("--set-capacity",
                    "/dev/loop3"));
            assertThat(openedBeforeLosetup).containsExactly(true);
        } finally {
            releaseWriter(fifo);
        }
    }

    @Test
    void aDeletedBackingFileIsNotOpenedAndADetachedDeviceIsNotFound() throws Exception {
        Path fifo = fifoWithAWaitingWriter();
        try {
            assertThat(loops(fifo, " (deleted)").refreshCapacity(Path.of("/dev/loop3")).isRight()).isTrue();
            assertThat(openedBeforeLosetup).containsExactly(false);

            var missing = loops(fifo, "").refreshCapacity(Path.of("/dev/loop4"));
            assertThat(missing.isLeft()).isTrue();
            assertThat(missing.getLeft()).isInstanceOf(Failure.NotFound.class);
        } finally {
            releaseWriter(fifo);
        }
    }
}
