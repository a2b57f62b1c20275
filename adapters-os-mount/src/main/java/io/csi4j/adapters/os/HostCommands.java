package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to host tools: finds the program, runs it through {@link ProcessRunner}, and logs each run
 * once at debug level with the redacted argv, exit code and duration.
 */
final class HostCommands {

    private static final Logger LOG = LoggerFactory.getLogger(HostCommands.class);

    private final ProcessRunner runner;
    private final Executables executables;

    HostCommands(ProcessRunner runner, Executables executables) {
        this.runner = runner;
        this.executables = executables;
    }

    /** Runs {@code program args...}; FailedPrecondition when the program is not installed on this node. */
    Either<Failure, CommandResult> run(Duration timeout, List<String> secrets, String program, String... args) {
        Path executable = executables.find(program).orElse(null);
        if (executable == null) {
            return Either.left(Failure.precondition(program + " is not installed on this node (searched "
                    + executables.directories() + ")"));
        }
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(List.of(args));
        Command command = new Command(argv, timeout, secrets);
        long start = System.nanoTime();
        Either<Failure, CommandResult> outcome = runner.run(command);
        if (LOG.isDebugEnabled()) {
            LOG.debug("host command argv=\"{}\" outcome={} millis={}", command.display(),
                    outcome.fold(Failure::message, r -> "exit " + r.exitCode()),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return outcome;
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
