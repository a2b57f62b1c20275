package io.csi4j.hostexec;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * Runs one external command to its end (or its time limit) and reports how it ended, as a value. {@link
 * ProcessRunner} runs real processes; tests substitute a scripted runner to check the argv an adapter builds.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Timeout when the command's limit passes (it is killed); Unavailable when it cannot start. */
    Either<Failure, CommandResult> run(Command command);
}
