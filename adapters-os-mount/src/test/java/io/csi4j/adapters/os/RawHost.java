package io.csi4j.adapters.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Direct host access for tests, independent of the code under test: the raw mount table, and a last-resort
 * cleanup with plain commands when a test failed so badly that the ports could not clean up.
 */
final class RawHost {

    private RawHost() {}

    /** Targets of every mount at or below one of {@code dirs}, decoded, in table order. */
    static List<Path> mountsUnder(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (String line : mountinfoLines()) {
            Path target = Path.of(MountInfoParser.unescape(line.split(" ")[4]));
            if (dirs.stream().anyMatch(target::startsWith)) {
                found.add(target);
            }
        }
        return found;
    }

    /**
     * Loop devices whose backing file lies below one of {@code dirs}, preceded by the loop devices backed by one of
     * those (read-only views), so detaching in this order frees each device before the one below it.
     */
    static List<String> loopsUnder(List<Path> dirs) {
        List<String> found = new ArrayList<>();
        List<String> views = new ArrayList<>();
        java.util.Map<String, String> backings = new java.util.HashMap<>();
        try (var entries = Files.newDirectoryStream(Path.of("/sys/block"), "loop*")) {
            for (Path entry : entries) {
                Path backing = entry.resolve("loop/backing_file");
                if (Files.exists(backing)) {
                    String file = Files.readString(backing).strip().replace(" (deleted)", "");
                    backings.put("/dev/" + entry.getFileName(), file);
                    if (dirs.stream().anyMatch(Path.of(file)::startsWith)) {
                        found.add("/dev/" + entry.getFileName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backings.forEach((device, file) -> {
            if (found.contains(file)) {
                views.add(device);
            }
        });
        views.addAll(found);
        return views;
    }

    /** Lazily unmounts and detaches whatever is left below {@code dirs}; returns what it had to remove. */
    static List<String> forceCleanUnder(List<Path> dirs) {
        List<String> removed = new ArrayList<>();
        List<Path> mounts = mountsUnder(dirs);
        for (Path target : mounts.reversed()) {
            run("umount", "--lazy", "--no-canonicalize", target.toString());
            removed.add("mount " + target);
        }
        for (String loop : loopsUnder(dirs)) {
            run("losetup", "--detach", loop);
            removed.add("loop " + loop);
        }
        return removed;
    }

    static List<String> mountinfoLines() {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc/self/mountinfo")), StandardCharsets.UTF_8)
                    .split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int run(String... argv) {
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
