package io.csi4j.testnode;

import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One test node for the whole run: the storage servers up on the host, one guest booted (qemu, TCG) with this
 * build's plugin jar and the running JDK shared in, the node's own services started in it (iscsid, rpcbind,
 * rpc.statd), and the plugin serving CSI in {@code --mode node} on a TCP endpoint of the private network, which
 * the tests reach from the host. Closing powers the guest off, stops the servers and keeps the logs.
 */
final class TestNode implements AutoCloseable {

    static final String GUEST = Network.GUEST;
    static final int PORT = 10000;
    static final String NODE_ID = "node1";
    /** The plugin's configured NFS version order, so a test can see the configuration decide. */
    static final String NFS_VERSIONS = "4.1,4.2,3";
    private static final String NS = Network.NS;

    final Servers servers;
    /** The array simulators the controller-driven scenarios provision on (see {@link Arrays}). */
    final Arrays arrays;
    final Agent agent;
    final Path workdir;
    private final Path node;
    private final Process qemu;
    private final ManagedChannel channel;
    private final Path logs;

    private TestNode(Servers servers, Arrays arrays, Agent agent, Path workdir, Path node, Process qemu,
            ManagedChannel channel, Path logs) {
        this.servers = servers;
        this.arrays = arrays;
        this.agent = agent;
        this.workdir = workdir;
        this.node = node;
        this.qemu = qemu;
        this.channel = channel;
        this.logs = logs;
    }

    NodeGrpc.NodeBlockingStub node() {
        return NodeGrpc.newBlockingStub(channel).withDeadlineAfter(240, TimeUnit.SECONDS);
    }

    /** Where the run's logs are kept (target/test-node-logs): the scenarios' own processes log there too. */
    Path logs() {
        return logs;
    }

    /** The plugin's log so far (never holds secrets: the tests check that too). */
    String pluginLog() {
        try {
            return Files.readString(node.resolve("plugin.log"));
        } catch (IOException e) {
            return "";
        }
    }

    static TestNode start() throws Exception {
        Path scripts = Path.of(System.getProperty("csi4j.testNode.scripts"));
        Path logs = Path.of(System.getProperty("csi4j.testNode.logs", "target/test-node-logs"));
        Path workdir = Prerequisites.workdir();
        HostShell shell = new HostShell(Map.of("WORKDIR", workdir.toString(), "NS", NS, "NET", Network.NET));
        Servers servers = new Servers(shell, scripts, workdir);
        long t0 = System.nanoTime();
        servers.up();
        Targets.create(servers);
        Path node = workdir.resolve("node1");
        Process qemu = null;
        Agent agent = null;
        Arrays arrays = null;
        try {
            arrays = Arrays.start(servers);
            prepareNodeFolder(node, arrays);
            qemu = boot(scripts, workdir, node, logs);
            agent = Agent.connect(node.resolve("agent.sock"), Duration.ofSeconds(60));
            agent.run("true", Duration.ofMinutes(3));
            long booted = System.nanoTime();
            // What a Kubernetes node runs besides the plugin: iscsid, and rpcbind with statd for NFSv3 locks.
            agent.must("iscsid && rpcbind -w && rpc.statd --no-notify && mkdir -p /var/lib/kubelet");
            // Its data address goes into its node id for the arrays that grant NFS access per node (IntelliFlash).
            agent.must("cd /tmp && CSI4J_LOG_LEVEL=DEBUG CSI4J_NODE_IP=" + GUEST + " CSI4J_NFS_VERSIONS=" + NFS_VERSIONS
                    + " setsid /host/bin/java"
                    + " -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar /job/csi4j.jar --mode node"
                    + " --config /job/csi4j.yaml"
                    + " --node-id " + NODE_ID + " --endpoint tcp://0.0.0.0:" + PORT
                    + " > /job/plugin.log 2>&1 < /dev/null &");
            ManagedChannel channel = NettyChannelBuilder.forAddress(GUEST, PORT).usePlaintext().build();
            awaitPlugin(channel, node);
            System.out.printf("[test-node] servers and guest up in %.1f s (boot %.1f s, plugin %.1f s)%n",
                    (System.nanoTime() - t0) / 1e9, (booted - t0) / 1e9, (System.nanoTime() - booted) / 1e9);
            return new TestNode(servers, arrays, agent, workdir, node, qemu, channel, logs);
        } catch (Exception | Error e) {
            stop(agent, qemu);
            if (arrays != null) {
                arrays.close();
            }
            keepLogs(node, workdir, logs);
            servers.down();
            throw e;
        }
    }

    private static void prepareNodeFolder(Path node, Arrays arrays) throws IOException {
        if (Files.exists(node)) {
            try (Stream<Path> all = Files.walk(node)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(node.resolve("cp"));
        Files.copy(Path.of(System.getProperty("csi4j.jar")), node.resolve("csi4j.jar"));
        // The node refuses volumes no served backend owns: the scenarios' volume ids ("e2e:...") are this backend's,
        // the arrays' ids (foreign ids of the drivers csi4j replaces) the arrays' backends'.
        arrays.anvil.writeCaPem(node.resolve("anvil-ca.pem"));
        arrays.intelliflash.writeCertificate(node.resolve("intelliflash.pem"));
        Files.writeString(node.resolve("csi4j.yaml"), "backends:\n  e2e:\n    type: local\n    root: /var/lib/csi4j-e2e\n"
                + arrays.guestBackends("/job/anvil-ca.pem", "/job/intelliflash.pem"));
        // This JVM's class path, for running the iSCSI initiator contract inside the guest.
        int i = 0;
        // Surefire and failsafe run tests from a manifest-only jar; the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(":")) {
            Path from = Path.of(entry);
            Path to = node.resolve("cp").resolve(String.format("%03d-%s", i++, from.getFileName()));
            copyTree(from, to);
        }
    }

    private static Process boot(Path scripts, Path workdir, Path node, Path logs) throws IOException {
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(scripts.resolve("run-node.sh").toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("qemu.log").toFile());
        builder.environment().putAll(Map.of("WORKDIR", workdir.toString(), "NS", NS, "NET", Network.NET, "NODE", "1", "MEM", "1280",
                "HOSTRO", System.getProperty("java.home"), "AGENT", "1"));
        return builder.start();
    }

    /**
     * Waits for the plugin's port to accept connections (a gRPC channel would back off ever longer between attempts
     * while the JVM starts under emulation), then for its first answer.
     */
    private static void awaitPlugin(ManagedChannel channel, Path node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(GUEST, PORT), 500);
                NodeGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                        .nodeGetInfo(NodeGetInfoRequest.getDefaultInstance());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        String log;
        try {
            log = Files.readString(node.resolve("plugin.log"));
        } catch (IOException e) {
            log = "(no plugin.log)";
        }
        throw new IllegalStateException("the plugin in the guest did not listen on " + GUEST + ":" + PORT
                + " within 180 s; its log:\n" + log);
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        stop(agent, qemu);
        arrays.close();
        keepLogs(node, workdir, logs);
        servers.down();
    }

    private static void stop(Agent agent, Process qemu) throws Exception {
        if (agent != null) {
            agent.powerOff();
            agent.close();
        }
        if (qemu != null && !qemu.waitFor(30, TimeUnit.SECONDS)) {
            qemu.descendants().forEach(ProcessHandle::destroyForcibly);
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void keepLogs(Path node, Path workdir, Path logs) {
        try {
            Files.createDirectories(logs);
            for (Path p : List.of(node.resolve("plugin.log"), node.resolve("console.log"), node.resolve("contract.log"))) {
                if (Files.exists(p)) {
                    Files.copy(p, logs.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            copyTree(workdir.resolve("srv/logs"), logs.resolve("servers"));
        } catch (IOException e) {
            System.err.println("[test-node] could not keep the logs: " + e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The guest's class path for a JVM run in it: the copied jars and class folders of this JVM's class path. */
    String guestClassPath() {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> all = Files.list(node.resolve("cp"))) {
            all.sorted().forEach(p -> entries.add("/job/cp/" + p.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(":", entries);
    }
}
