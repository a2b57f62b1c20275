package io.csi4j.testnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the harness's scripts and tools on the host: argv, a time limit, output returned (and kept on failure). */
final class HostShell {

    private final Map<String, String> environment;

    HostShell(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code argv}; throws with its output when it fails or outlives {@code timeout}. */
    String run(Duration timeout, List<String> argv) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Process p = builder.start();
            byte[] out;
            try (var in = p.getInputStream()) {
                var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return in.readAllBytes();
                    } catch (IOException e) {
                        return new byte[0];
                    }
                });
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout);
                }
                out = reading.join();
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed (exit " + p.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String run(String... argv) {
        return run(Duration.ofMinutes(2), List.of(argv));
    }

    Map<String, String> environment() {
        return environment;
    }
}
