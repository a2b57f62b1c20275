package io.csi4j.bootstrap.driver;

import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListSnapshotsResponse;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ListVolumesResponse;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built driver serving one local backend from a fresh root, with a client connected to it: what a driver
 * test starts from. The configuration is a YAML file in the test's directory (backend root, sizes, and a kubelet
 * directory inside the test's directory, so a node-mode instance touches nothing of the host's).
 */
public final class LocalDriver implements AutoCloseable {

    /** The local backend's default topology key; its value is the node id. */
    public static final String TOPOLOGY_KEY = "topology.csi4j.io/node";
    public static final String BACKEND = "local";
    public static final long MIB = 1L << 20;

    private final Path dir;
    private final Path root;
    private final String nodeId;
    private final DriverProcess process;
    private CsiClient client;

    private LocalDriver(Path dir, Path root, String nodeId, DriverProcess process) {
        this.dir = dir;
        this.root = root;
        this.nodeId = nodeId;
        this.process = process;
        this.client = new CsiClient(process.socket());
    }

    /** A driver whose socket, log, configuration and (by default) backend root live under {@code dir}. */
    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** Options of the driver to start; the defaults suit controller tests (small volumes, small maximum). */
    public static final class Builder {
        private final Path dir;
        private Path root;
        private String mode = "controller";
        private String nodeId = "ctl-node-1";
        private String driverName;
        private String defaultSize = "4Mi";
        private String maxVolumeSize = "64Mi";

        private Builder(Path dir) {
            this.dir = dir;
            this.root = dir.resolve("root");
        }

        public Builder mode(String value) {
            this.mode = value;
            return this;
        }

        public Builder nodeId(String value) {
            this.nodeId = value;
            return this;
        }

        public Builder driverName(String value) {
            this.driverName = value;
            return this;
        }

        /** The backend root; it may exist already (a second instance of one deployment, a mounted file system). */
        public Builder root(Path value) {
            this.root = value;
            return this;
        }

        public Builder defaultSize(String value) {
            this.defaultSize = value;
            return this;
        }

        public Builder maxVolumeSize(String value) {
            this.maxVolumeSize = value;
            return this;
        }

        public LocalDriver start() throws IOException {
            Files.createDirectories(dir);
            Files.createDirectories(root);
            Path config = dir.resolve("csi4j.yaml");
            Files.writeString(config, yaml());
            List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--node-id", nodeId,
                    "--mode", mode));
            if (driverName != null) {
                args.addAll(List.of("--driver-name", driverName));
            }
            DriverProcess process = DriverProcess.start(dir, Map.of(), args.toArray(String[]::new));
            return new LocalDriver(dir, root, nodeId, process);
        }

        private String yaml() {
            return String.join("\n",
                    "kubeletDir: \"" + dir.resolve("kubelet") + "\"",
                    "backends:",
                    "  " + BACKEND + ":",
                    "    type: local",
                    "    root: \"" + root + "\"",
                    "    defaultSize: " + defaultSize,
                    "    maxVolumeSize: " + maxVolumeSize,
                    "");
        }
    }

    public IdentityGrpc.IdentityBlockingStub identity() {
        return client.identity();
    }

    public ControllerGrpc.ControllerBlockingStub controller() {
        return client.controller();
    }

    public CsiClient client() {
        return client;
    }

    public DriverProcess process() {
        return process;
    }

    /** The backend root as configured (the driver resolves it to its real path). */
    public Path root() {
        return root;
    }

    public Path dir() {
        return dir;
    }

    public String nodeId() {
        return nodeId;
    }

    /** The topology segment the local backend places every volume in: this node. */
    public Topology topology() {
        return topologyOf(nodeId);
    }

    public static Topology topologyOf(String node) {
        return Topology.newBuilder().putSegments(TOPOLOGY_KEY, node).build();
    }

    /** Every volume, through ListVolumes without paging. */
    public List<Volume> volumes() {
        return controller().listVolumes(ListVolumesRequest.getDefaultInstance()).getEntriesList().stream()
                .map(ListVolumesResponse.Entry::getVolume).toList();
    }

    /** Every snapshot, through ListSnapshots without paging or filters. */
    public List<Snapshot> snapshots() {
        return controller().listSnapshots(ListSnapshotsRequest.getDefaultInstance()).getEntriesList().stream()
                .map(ListSnapshotsResponse.Entry::getSnapshot).toList();
    }

    /** What the driver can be seen to hold: the files under the root and the ids it lists. */
    public State state() throws IOException {
        return new State(DiskTree.of(root), volumes().stream().map(Volume::getVolumeId).sorted().toList(),
                snapshots().stream().map(Snapshot::getSnapshotId).sorted().toList());
    }

    /** The driver's visible state at one moment: equal states mean a call created, changed and removed nothing. */
    public record State(List<String> disk, List<String> volumeIds, List<String> snapshotIds) {}

    /** SIGKILL, as in a node crash; then the same command again on the same root and socket path. */
    public void killAndRestart() throws IOException, InterruptedException {
        client.close();
        process.kill();
        process.launch();
        client = new CsiClient(process.socket());
    }

    /** Everything the driver printed: for failure messages. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            client.close();
        } finally {
            process.close();
        }
    }
}
