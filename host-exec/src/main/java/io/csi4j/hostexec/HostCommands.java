package io.csi4j.hostexec;

import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.CommandRecorder;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to host tools for an adapter: finds the program, runs it through a {@link CommandRunner}, records its
 * duration by program and outcome, and logs each run once at debug level with the redacted argv, exit code and
 * duration. What a non-zero exit means is the adapter's to say: it passes the classifier that turns a failed run
 * into a typed failure.
 */
public final class HostCommands {

    private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);

    private final CommandRunner runner;
    private final Executables executables;
    private final Function<CommandResult, Failure> classifier;
    private final CommandRecorder metrics;

    /**
     * @param classifier turns a run that exited non-zero into the failure {@link #runOk} returns
     * @param metrics where each run's duration and outcome are recorded
     */
    public HostCommands(CommandRunner runner, Executables executables, Function<CommandResult, Failure> classifier,
            CommandRecorder metrics) {
        this.runner = runner;
        this.executables = executables;
        this.classifier = classifier;
        this.metrics = metrics;
    }

    /** Runs {@code program args...}; FailedPrecondition when the program is not installed on this node. */
    public Either<Failure, CommandResult> run(Duration timeout, List<String> secrets, String program, String... args) {
        Path executable = executables.find(program).orElse(null);
        if (executable == null) {
            metrics.ran(program, CommandRecorder.Outcome.NOT_STARTED, 0);
            return Either.left(Failure.precondition(program + " is not installed on this node (searched "
                    + executables.directories() + ")"));
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(List.of(args));
        Command command = new Command(argv, timeout, secrets);
        long start = System.nanoTime();
        Either<Failure, CommandResult> outcome = runner.run(command);
        long nanos = System.nanoTime() - start;
        metrics.ran(program, outcome(outcome), nanos);
        if (LOG.isDebugEnabled()) {
            LOG.debug("host command argv=\"{}\" outcome={} millis={}", command.display(),
                    outcome.fold(Failure::message, r -> "exit " + r.exitCode()), nanos / 1_000_000);
        }
        return outcome;
    }

    private static CommandRecorder.Outcome outcome(Either<Failure, CommandResult> outcome) {
        if (outcome.isRight()) {
            return outcome.get().succeeded() ? CommandRecorder.Outcome.OK : CommandRecorder.Outcome.FAILED;
        }
        return outcome.getLeft() instanceof Failure.Timeout ? CommandRecorder.Outcome.TIMEOUT
                : CommandRecorder.Outcome.NOT_STARTED;
    }

    /** Like {@link #run}, but a non-zero exit becomes the classifier's failure. */
    public Either<Failure, CommandResult> runOk(Duration timeout, List<String> secrets, String program,
            String... args) {
        return run(timeout, secrets, program, args).flatMap(result -> result.succeeded() ? Either.right(result)
                : Either.left(classifier.apply(result)));
    }

    /** Whether {@code program} is installed on this node. */
    public boolean installed(String program) {
        return executables.find(program).isPresent();
    }
}
