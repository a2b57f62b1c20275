package io.csi4j.hostexec;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void capturesExitCodeStdoutAndStderr() {
        CommandResult result = runner.run(Command.of(LONG, List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3")))
                .get();

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.describeFailure()).contains("exit 3").contains("err");
    }

    @Test
    void runsInTheCLocaleWithStdinClosed() {
        CommandResult result = runner.run(Command.of(LONG, List.of("/bin/sh", "-c", "echo $LC_ALL; cat"))).get();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("C\n");
    }

    @Test
    void keepsOnlyTheStartOfAFloodOfOutputAndStillFinishes() {
        CommandResult result = runner.run(Command.of(LONG, List.of("/usr/bin/head", "-c", "3000000", "/dev/zero")))
                .get();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).hasSize(ProcessRunner.MAX_CAPTURE + "...(truncated)".length())
                .endsWith("...(truncated)");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildrenAndReportsTimeoutQuickly() throws InterruptedException {
        // The shell forks sleep (the trailing ':' stops it from exec-ing), so there is a child to kill too.
        String marker = "30.4242";
        long start = System.nanoTime();

        Failure failure = runner.run(Command.of(Duration.ofMillis(200),
                List.of("/bin/sh", "-c", "sleep " + marker + "; :"))).getLeft();

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure).isInstanceOf(Failure.Timeout.class);
        assertThat(failure.message()).contains("200 ms").contains("killed");
        assertThat(millis).isLessThan(3_000);
        Thread.sleep(100);
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker)).toList())
                .as("processes left behind").isEmpty();
    }

    @Test
    void aProgramThatCannotStartIsUnavailable() {
        assertThat(runner.run(Command.of(LONG, List.of("/nonexistent/csi4j-tool"))).getLeft())
                .isInstanceOf(Failure.Unavailable.class);
    }

    @Test
    void secretsAreMaskedInTheArgvAndInTheOutput() {
        Command command = new Command(List.of("/bin/sh", "-c", "echo password=hunter2-x >&2; exit 1"), LONG,
                List.of("hunter2-x"));

        CommandResult result = runner.run(command).get();

        assertThat(command.display()).doesNotContain("hunter2-x").contains(Redaction.MASK);
        assertThat(result.stderr()).isEqualTo("password=***\n");
        assertThat(result.describeFailure()).doesNotContain("hunter2-x");
    }

    @Test
    void aTimeoutMessageDoesNotLeakSecrets() {
        Command command = new Command(List.of("/bin/sleep", "5.777"), Duration.ofMillis(100), List.of("5.777"));

        assertThat(runner.run(command).getLeft().message()).doesNotContain("5.777");
    }
}
