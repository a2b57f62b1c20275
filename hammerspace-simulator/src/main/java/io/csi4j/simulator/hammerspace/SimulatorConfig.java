package io.csi4j.simulator.hammerspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a simulated Anvil is set up: where it listens, the directory tree that is its namespace, the account that
 * may log in, and the cluster it describes (objectives, data portals, floating IPs, capacity). Copy it with the
 * {@code with...} methods; every field has a default suitable for tests.
 *
 * @param host the address to listen on (loopback by default; the test node's network uses another)
 * @param port 0 for any free port
 * @param root the namespace: share {@code /<name>} is the directory {@code <root>/<name>}
 * @param certificateNames extra DNS names and IP addresses the server certificate is valid for
 * @param sessionTtl how long a login cookie stays valid
 * @param defaultDeleteDelay how long a deleted share stays REMOVED when the request names no delete-delay
 * @param publishDelay how long after MOUNTED a share turns PUBLISHED
 * @param quotedSnapshotNames whether snapshot-create answers with a JSON string (else plain text)
 * @param usageRefresh how long the cluster's used capacity (a walk of the whole tree) is reused; zero walks every
 *     time, exact for functional tests; load tests set it so the simulator does not become the bottleneck
 */
public record SimulatorConfig(
        String host,
        int port,
        Path root,
        String username,
        String password,
        String clusterName,
        long clusterCapacityBytes,
        List<String> objectives,
        List<DataPortal> dataPortals,
        List<String> floatingIps,
        List<String> certificateNames,
        Duration sessionTtl,
        Duration defaultDeleteDelay,
        Duration publishDelay,
        boolean quotedSnapshotNames,
        Duration usageRefresh) {

    public static final String DEFAULT_USERNAME = "admin";
    public static final String DEFAULT_PASSWORD = "simulator-password";

    public SimulatorConfig {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(root, "'root' must not be null");
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        objectives = List.copyOf(objectives);
        dataPortals = List.copyOf(dataPortals);
        floatingIps = List.copyOf(floatingIps);
        certificateNames = List.copyOf(certificateNames);
        if (port < 0 || port > 65535 || clusterCapacityBytes <= 0) {
            throw new IllegalArgumentException("port must be 0-65535 and the capacity positive");
        }
    }

    /** One data portal (DSX node serving NFS): the portal the node mounts shares from. */
    public record DataPortal(String nodeName, String address, String type, boolean up) {
        public DataPortal {
            Objects.requireNonNull(nodeName, "'nodeName' must not be null");
            Objects.requireNonNull(address, "'address' must not be null");
            Objects.requireNonNull(type, "'type' must not be null");
        }
    }

    /** Loopback, any port, 1 TiB, three objectives, one NFS v3 portal on 127.0.0.1, no floating IPs. */
    public static SimulatorConfig defaults(Path root) {
        return new SimulatorConfig("127.0.0.1", 0, root, DEFAULT_USERNAME, DEFAULT_PASSWORD, "sim-anvil", 1L << 40,
                List.of("keep-online", "optimize-for-capacity", "place-on-local-volumes"),
                List.of(new DataPortal("dsx-1", "127.0.0.1", "NFS_V3", true)), List.of(), List.of(),
                Duration.ofMinutes(30), Duration.ofHours(24), Duration.ZERO, true, Duration.ZERO);
    }

    public SimulatorConfig withListen(String newHost, int newPort) {
        return new SimulatorConfig(newHost, newPort, root, username, password, clusterName, clusterCapacityBytes,
                objectives, dataPortals, floatingIps, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay,
                quotedSnapshotNames, usageRefresh);
    }

    public SimulatorConfig withAccount(String newUsername, String newPassword) {
        return new SimulatorConfig(host, port, root, newUsername, newPassword, clusterName, clusterCapacityBytes,
                objectives, dataPortals, floatingIps, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay,
                quotedSnapshotNames, usageRefresh);
    }

    public SimulatorConfig withCapacity(long bytes) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, bytes, objectives, dataPortals,
                floatingIps, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay, quotedSnapshotNames,
                usageRefresh);
    }

    public SimulatorConfig withPortals(List<DataPortal> portals, List<String> floating) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, clusterCapacityBytes, objectives,
                portals, floating, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay, quotedSnapshotNames,
                usageRefresh);
    }

    public SimulatorConfig withCertificateNames(List<String> names) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, clusterCapacityBytes, objectives,
                dataPortals, floatingIps, names, sessionTtl, defaultDeleteDelay, publishDelay, quotedSnapshotNames,
                usageRefresh);
    }

    public SimulatorConfig withTimes(Duration ttl, Duration deleteDelay, Duration publish) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, clusterCapacityBytes, objectives,
                dataPortals, floatingIps, certificateNames, ttl, deleteDelay, publish, quotedSnapshotNames, usageRefresh);
    }

    public SimulatorConfig withQuotedSnapshotNames(boolean quoted) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, clusterCapacityBytes, objectives,
                dataPortals, floatingIps, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay, quoted,
                usageRefresh);
    }

    public SimulatorConfig withUsageRefresh(Duration refresh) {
        return new SimulatorConfig(host, port, root, username, password, clusterName, clusterCapacityBytes, objectives,
                dataPortals, floatingIps, certificateNames, sessionTtl, defaultDeleteDelay, publishDelay,
                quotedSnapshotNames, refresh);
    }

    @Override
    public String toString() {
        return "SimulatorConfig[" + host + ":" + port + ", root=" + root + ", user=" + username + ", password=(redacted)]";
    }
}
