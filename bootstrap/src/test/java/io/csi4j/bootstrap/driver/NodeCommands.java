package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Host commands the node tests run themselves (to set up, to look, to clean up): argv only, bounded by a timeout,
 * killed with their descendants when it passes.
 */
final class NodeCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private NodeCommands() {}

    /** What a command did: its exit code and its combined output. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static Result run(String... argv) {
        return run(List.of(argv));
    }

    static Result run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            var output = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    p.getInputStream().transferTo(output);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, argv + " timed out after " + TIMEOUT);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return new Result(p.exitValue(), output.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, argv + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, argv + ": interrupted");
        }
    }

    /** Runs a command that must succeed, or fails the test with its output. */
    static String ok(String... argv) {
        return ok(List.of(argv));
    }

    static String ok(List<String> argv) {
        Result r = run(argv);
        if (!r.ok()) {
            throw new AssertionError(String.join(" ", argv) + " failed (" + r.exitCode() + "): " + r.output());
        }
        return r.output();
    }
}
