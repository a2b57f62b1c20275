package io.csi4j.hostexec;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command: argv only, stdin from {@code /dev/null}, the C locale (so messages can be
 * matched), bounded capture of stdout and stderr, and a time limit after which the process and all its
 * descendants are killed. Returns the outcome as a value and never logs.
 */
public final class ProcessRunner implements CommandRunner {

    public static final int MAX_CAPTURE = 64 * 1024;
    private static final File DEV_NULL = new File("/dev/null");
    private static final long READER_GRACE_MILLIS = 1_000;

    /** Timeout when the limit passes (the process tree is killed); Unavailable when it cannot start. */
    @Override
    public Either<Failure, CommandResult> run(Command command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return Either.left(Failure.unavailable("cannot start " + command.argv().getFirst() + ": "
                    + e.getMessage()));
        }
        BoundedCapture out = BoundedCapture.start(process.getInputStream(), MAX_CAPTURE);
        BoundedCapture err = BoundedCapture.start(process.getErrorStream(), MAX_CAPTURE);
        try {
            if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                ProcessTrees.kill(process);
                return Either.left(new Failure.Timeout("`" + command.display() + "` did not finish within "
                        + command.timeout().toMillis() + " ms and was killed"));
            }
        } catch (InterruptedException e) {
            ProcessTrees.kill(process);
            Thread.currentThread().interrupt();
            return Either.left(Failure.unavailable("interrupted while running `" + command.display() + "`"));
        }
        return Either.right(new CommandResult(command.display(), process.exitValue(),
                command.scrub(out.awaitText(READER_GRACE_MILLIS)), command.scrub(err.awaitText(READER_GRACE_MILLIS))));
    }

    /** Helpers for killing a process with everything it started. */
    static final class ProcessTrees {

        private ProcessTrees() {}

        /**
         * Kills the process and its descendants. Descendants are listed before the parent dies (afterwards they
         * are re-parented and no longer found) and killed first, so they cannot be re-spawned by the parent.
         */
        static void kill(Process process) {
            List<ProcessHandle> descendants = process.descendants().toList();
            descendants.reversed().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                // A child blocked in the kernel (D state) dies only when the call returns: do not wait for it.
                process.waitFor(READER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
