package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test class, so that free space is exact and owned by the test alone, and so
 * that the file system can be made read-only under a running driver. Needs root; {@link #usable()} tells.
 */
public final class Tmpfs implements AutoCloseable {

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounting needs root (CAP_SYS_ADMIN); tests that need a tmpfs are skipped otherwise. */
    public static boolean usable() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Mounts a tmpfs of {@code size} (a mount(8) size such as {@code 64m}) on {@code dir}, created if missing. */
    public static Tmpfs mount(Path dir, String size) throws IOException {
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "csi4j-test", dir.toString());
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Remounts read-only (as a file system does after I/O errors) or read-write again. */
    public void readOnly(boolean readOnly) throws IOException {
        run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString());
    }

    @Override
    public void close() throws IOException {
        run("umount", dir.toString());
    }

    private static void run(String... argv) throws IOException {
        Process p = new ProcessBuilder(List.of(argv)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(String.join(" ", argv) + " was interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " exited with " + p.exitValue() + ": "
                    + new String(p.getInputStream().readAllBytes()));
        }
    }
}
