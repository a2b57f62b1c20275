package io.csi4j.bootstrap.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A node for the driver tests: a private directory holding a kubelet directory (the allowed root the CO's paths
 * lie in), the local backend's root and the driver's socket, log and configuration; the driver jar running as root
 * in mode {@code all} on it. Paths are laid out the way kubelet lays them out. Closing stops the driver, takes
 * every mount and loop device under the directory away (even after a failed test) and reports what had leaked.
 */
final class NodeTestbed implements AutoCloseable {

    static final String NODE_ID = "node-it";
    static final long MIB = 1L << 20;
    private static final int CAP_SYS_RESOURCE = 24;

    private final Path dir;
    private final Path kubelet;
    private final Path localRoot;
    private final DriverProcess driver;
    private CsiClient csi;

    private NodeTestbed(Path dir, DriverProcess driver) {
        this.dir = dir;
        this.kubelet = dir.resolve("kubelet");
        this.localRoot = dir.resolve("local");
        this.driver = driver;
        this.csi = new CsiClient(driver.socket());
    }

    /** Starts a driver on a fresh directory; skips the test (JUnit assumption) unless it runs as root. */
    static NodeTestbed start() throws IOException {
        assumeTrue(isRoot(), "the node driver tests mount filesystems and attach loop devices: they need root "
                + "(CI runs them as root); skipped for uid " + uid());
        Path dir = Files.createTempDirectory("csi4j-node-it-");
        try {
            // Readable for other users: the mount-group test writes through the volume as an unprivileged user.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path run = Files.createDirectories(dir.resolve("run"));
            Files.createDirectories(dir.resolve("kubelet"));
            Path config = run.resolve("csi4j.yaml");
            Files.writeString(config, "kubeletDir: " + dir.resolve("kubelet") + "\n");
            DriverProcess driver = DriverProcess.start(run, Map.of(), "--config", config.toString(), "--mode", "all",
                    "--local-root", dir.resolve("local").toString(), "--node-id", NODE_ID);
            return new NodeTestbed(dir, driver);
        } catch (IOException | RuntimeException e) {
            // Nothing can be mounted yet: the driver never served a call.
            deleteTree(dir);
            throw e;
        }
    }

    CsiClient csi() {
        return csi;
    }

    DriverProcess driver() {
        return driver;
    }

    Path dir() {
        return dir;
    }

    Path kubelet() {
        return kubelet;
    }

    Path localRoot() {
        return localRoot;
    }

    /** SIGKILL, as in a node crash or an OOM kill: the driver cleans nothing up. */
    void kill() throws InterruptedException {
        driver.kill();
    }

    /** SIGKILL to the driver and every tool it is running, as when the plugin's container is killed. */
    void killWithChildren() throws InterruptedException, IOException {
        driver.killWithDescendants();
    }

    /** Starts the driver again with the same arguments and a new client (the old channel saw the socket die). */
    void relaunch() throws IOException, InterruptedException {
        csi.close();
        driver.launch();
        csi = new CsiClient(driver.socket());
    }

    /** The staging directory kubelet creates for a filesystem volume before NodeStageVolume. */
    Path stagingDir(String pv) throws IOException {
        return mkdirs(kubelet.resolve("plugins/kubernetes.io/csi/csi4j.io").resolve(pv).resolve("globalmount"));
    }

    /** A pod's target path for a filesystem volume: kubelet creates the parent, the plugin the path itself. */
    Path target(String pv, String pod) throws IOException {
        return mkdirs(kubelet.resolve("pods").resolve(pod).resolve("volumes/kubernetes.io~csi").resolve(pv))
                .resolve("mount");
    }

    /** The staging directory kubelet creates for a raw block volume. */
    Path blockStagingDir(String pv) throws IOException {
        return mkdirs(kubelet.resolve("plugins/kubernetes.io/csi/volumeDevices/staging").resolve(pv));
    }

    /** A pod's target for a raw block volume: a file the plugin creates in a directory kubelet made. */
    Path blockTarget(String pv, String pod) throws IOException {
        return mkdirs(kubelet.resolve("plugins/kubernetes.io/csi/volumeDevices/publish").resolve(pv)).resolve(pod);
    }

    /** Creates a volume through the controller service, as the external-provisioner does. */
    Volume createVolume(String name, Map<String, String> parameters, VolumeCapability capability, long bytes) {
        return ok(() -> csi.controller().createVolume(CreateVolumeRequest.newBuilder().setName(name)
                .putAllParameters(parameters).addVolumeCapabilities(capability)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes)).build())).getVolume();
    }

    /** Runs a call that must succeed; a failure shows the status and the end of the driver's log. */
    <T> T ok(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new AssertionError("expected OK, got " + e.getStatus() + "\n--- driver log (tail) ---\n" + logTail(), e);
        }
    }

    /** The status code a call ends with (OK when it succeeds). */
    static Status.Code code(Supplier<?> call) {
        return status(call).getCode();
    }

    static Status status(Supplier<?> call) {
        try {
            call.get();
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    String logTail() {
        String out = driver.output();
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    /** Mounts and loop devices under this testbed's directory right now. */
    NodeHostState.Snapshot state() {
        return NodeHostState.snapshot(dir);
    }

    @Override
    public void close() throws IOException {
        NodeHostState.Snapshot left = state();
        uninterrupted(csi::close);
        uninterrupted(driver::close);
        List<String> problems = cleanUp();
        if (problems.isEmpty()) {
            deleteTree(dir);
        }
        if (!left.mounts().isEmpty() || !left.loops().isEmpty() || !problems.isEmpty()) {
            throw new AssertionError("the test left state behind in " + dir + ": " + left
                    + (problems.isEmpty() ? "" : "; cleaning up failed: " + problems));
        }
    }

    private interface Stop {
        void run() throws InterruptedException;
    }

    /** Runs a stop step; an interrupt is kept for the caller, and the next steps still run. */
    private static void uninterrupted(Stop step) {
        try {
            step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes every mount and loop device under the directory away with the driver still running, so that one
     * failed test does not leave state the next one trips over; returns what was there.
     */
    NodeHostState.Snapshot reset() {
        NodeHostState.Snapshot left = state();
        List<String> problems = cleanUp();
        if (!problems.isEmpty()) {
            throw new AssertionError("cannot clean up " + dir + ": " + problems);
        }
        return left;
    }

    /** Unmounts everything under the directory (deepest last-mounted first), then detaches its loop devices. */
    private List<String> cleanUp() {
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < 5 && !NodeHostState.mountsUnder(dir).isEmpty(); round++) {
            List<NodeHostState.Mount> mounts = new ArrayList<>(NodeHostState.mountsUnder(dir));
            java.util.Collections.reverse(mounts);
            for (NodeHostState.Mount m : mounts) {
                if (!NodeCommands.run("umount", m.target().toString()).ok()) {
                    NodeCommands.run("umount", "--lazy", m.target().toString());
                }
            }
        }
        NodeHostState.mountsUnder(dir).forEach(m -> problems.add("still mounted: " + m.target()));
        for (NodeHostState.Loop loop : NodeHostState.loopsUnder(dir)) {
            var r = NodeCommands.run("losetup", "--detach", loop.device().toString());
            if (!r.ok()) {
                problems.add("cannot detach " + loop + ": " + r.output());
            }
        }
        return problems;
    }

    /** Deletes the directory tree without following links or crossing into anything still mounted. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path mkdirs(Path p) throws IOException {
        Files.createDirectories(p);
        return p;
    }

    /**
     * Whether this process (and so the driver it starts) has CAP_SYS_RESOURCE, which ext4's online grow (resize2fs
     * on a mounted filesystem) needs; some VMs and containers give root everything but that.
     */
    static boolean hasCapSysResource() {
        try {
            String effective = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("CapEff:")).findFirst().orElseThrow().substring(7).strip();
            return (Long.parseUnsignedLong(effective, 16) & (1L << CAP_SYS_RESOURCE)) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
