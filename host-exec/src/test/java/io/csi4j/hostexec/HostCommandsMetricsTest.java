package io.csi4j.hostexec;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.metrics.CommandRecorder;
import io.csi4j.metrics.CommandRecorder.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every host command run is recorded once, by program name and how it ended, with its duration. */
class HostCommandsMetricsTest {

    record Ran(String program, Outcome outcome, long nanos) {}

    private final List<Ran> ran = new CopyOnWriteArrayList<>();
    private final CommandRecorder recorder = (program, outcome, nanos) -> ran.add(new Ran(program, outcome, nanos));
    private final HostCommands commands = new HostCommands(new ProcessRunner(),
            new Executables(List.of(Path.of("/usr/bin"), Path.of("/bin"))),
            r -> io.csi4j.domain.failure.Failure.precondition(r.describeFailure()), recorder);

    @Test
    void aCommandThatSucceedsIsRecordedAsOkWithItsDuration() {
        commands.run(Duration.ofSeconds(10), List.of(), "sleep", "0.2");

        assertThat(ran).singleElement().satisfies(r -> {
            assertThat(r.program()).isEqualTo("sleep");
            assertThat(r.outcome()).isEqualTo(Outcome.OK);
            assertThat(Duration.ofNanos(r.nanos())).isBetween(Duration.ofMillis(200), Duration.ofSeconds(10));
        });
    }

    @Test
    void aNonZeroExitIsRecordedAsFailed() {
        commands.run(Duration.ofSeconds(10), List.of(), "false");

        assertThat(ran).extracting(Ran::program, Ran::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("false", Outcome.FAILED));
    }

    @Test
    void aCommandKilledAtItsLimitIsRecordedAsTimeout() {
        commands.run(Duration.ofMillis(200), List.of(), "sleep", "30");

        assertThat(ran).extracting(Ran::outcome).containsExactly(Outcome.TIMEOUT);
    }

    @Test
    void aProgramThatIsNotInstalledIsRecordedAsNotStarted() {
        commands.run(Duration.ofSeconds(1), List.of(), "no-such-tool-csi4j");

        assertThat(ran).extracting(Ran::program, Ran::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-such-tool-csi4j", Outcome.NOT_STARTED));
    }
}
