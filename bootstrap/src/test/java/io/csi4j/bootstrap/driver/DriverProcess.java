package io.csi4j.bootstrap.driver;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built driver jar run as a separate process on a temporary unix socket, the way a CSI supervisor runs it:
 * started, probed until its socket accepts connections, stopped with SIGTERM or killed with SIGKILL, restarted
 * with the same arguments. Its output goes to a log file kept for failure messages.
 */
public final class DriverProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    private DriverProcess(Path socket, Path log, List<String> command, Map<String, String> environment) {
        this.socket = socket;
        this.log = log;
        this.command = command;
        this.environment = environment;
    }

    /** The jar Maven built (failsafe passes its path); tests run after {@code package}. */
    public static Path jar() {
        String jar = System.getProperty("csi4j.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("csi4j.jar is not built (system property csi4j.jar=" + jar
                    + "); run the driver tests with 'mvn verify'");
        }
        return Path.of(jar);
    }

    /**
     * Starts the driver with {@code args} (after {@code --endpoint}) and waits until its socket is ready.
     *
     * @param dir a private directory: the socket and the log go there
     */
    public static DriverProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        return start(dir, environment, FAST_START, args);
    }

    /** JVM options that start the driver quickly (tests); benchmarks pass the JVM's defaults instead. */
    public static final List<String> FAST_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    /** Starts the driver with these JVM options (instead of {@link #FAST_START}). */
    public static DriverProcess start(Path dir, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException {
        Path socket = dir.resolve("csi.sock");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        // A class-data archive made by the first start (and remade when the jar changes) halves the start time of
        // the later ones; tests that kill and restart the driver do that often.
        command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off",
                "-XX:SharedArchiveFile=" + jar().resolveSibling("csi4j-driver-tests.jsa")));
        command.addAll(List.of("-jar", jar().toString(), "--endpoint", "unix://" + socket));
        command.addAll(List.of(args));
        DriverProcess p = new DriverProcess(socket, dir.resolve("driver.log"), command, environment);
        p.launch();
        return p;
    }

    public void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("CSI"));
        pb.environment().putAll(environment);
        process = pb.start();
        try {
            awaitReady();
        } catch (IOException notReady) {
            // A driver that never became ready is not left running behind the failed test.
            process.destroyForcibly();
            waitQuietly(process);
            throw notReady;
        }
    }

    private static void waitQuietly(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the driver exited with " + process.exitValue() + ":\n" + output());
            }
            if (Files.exists(socket)) {
                try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    return;
                } catch (IOException notYet) {
                    // the file exists before the listener accepts; retry
                }
            }
            sleep(20);
        }
        throw new IOException("the driver's socket " + socket + " was not ready within " + READY_TIMEOUT + ":\n" + output());
    }

    public Path socket() {
        return socket;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a node crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL to the driver and to every process it started (mount, mkfs, losetup, ...), as a container runtime
     * does when it kills the plugin's container. The driver is stopped (SIGSTOP) first, so it cannot start another
     * child between the listing of its children and the kill.
     */
    public void killWithDescendants() throws InterruptedException, IOException {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).start();
        if (!stop.waitFor(10, TimeUnit.SECONDS) || stop.exitValue() != 0) {
            stop.destroyForcibly();
            throw new IOException("cannot stop the driver (pid " + process.pid() + ") before killing it");
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("a child of the driver (pid " + child.pid() + ") outlived SIGKILL", e);
            }
        }
    }

    /** SIGTERM, then waits for the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Everything the driver printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            terminate();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
