package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.CommandRecorder;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to host tools: finds the program, runs it through {@link ProcessRunner}, records its duration by
 * program and outcome, and logs each run once at debug level with the redacted argv, exit code and duration.
 */
final class HostCommands {

    private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);

    private final ProcessRunner runner;
    private final Executables executables;
    private final CommandRecorder metrics;

    HostCommands(ProcessRunner runner, Executables executables, CommandRecorder metrics) {
        this.runner = runner;
        this.executables = executables;
        this.metrics = metrics;
    }

    /** Runs {@code program args...}; FailedPrecondition when the program is not installed on this node. */
    Either<Failure, CommandResult> run(Duration timeout, List<String> secrets, String program, String... args) {
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

    /** Like {@link #run}, but a non-zero exit becomes the failure {@link ToolErrors} reads from the message. */
    Either<Failure, CommandResult> runOk(Duration timeout, List<String> secrets, String program, String... args) {
        return run(timeout, secrets, program, args).flatMap(result -> result.succeeded() ? Either.right(result)
                : Either.left(ToolErrors.classify(result)));
    }

    boolean installed(String program) {
        return executables.find(program).isPresent();
    }
}
