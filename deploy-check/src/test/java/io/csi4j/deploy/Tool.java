package io.csi4j.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** An external program the checks run (kubectl, jdeps): found on PATH, run as argv with a time limit. */
record Tool(Path executable) {

    /** The program's output; an exit code other than 0 or a timeout is an {@link AssertionError} naming both. */
    record Result(int exitCode, String stdout, String stderr) {}

    static Optional<Tool> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Tool(candidate));
            }
        }
        return Optional.empty();
    }

    /** Runs the program; the whole process tree is killed when {@code limit} passes. */
    Result run(Duration limit, String... args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("csi4j-tool", ".out");
            Path err = Files.createTempFile("csi4j-tool", ".err");
            try {
                Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError(String.join(" ", argv) + " did not finish within " + limit);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", argv), e);
        }
    }

    /** Like {@link #run}, failing with the program's error output unless it exits 0. */
    String output(Duration limit, String... args) {
        Result r = run(limit, args);
        if (r.exitCode() != 0) {
            throw new AssertionError(executable.getFileName() + " " + String.join(" ", args) + " exited with "
                    + r.exitCode() + ":\n" + r.stderr() + r.stdout());
        }
        return r.stdout();
    }
}
