package io.csi4j.simulator.intelliflash;

import io.csi4j.simulator.intelliflash.model.Pool;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a simulated array.
 *
 * @param host the address to listen on (loopback by default) and to name in the certificate
 * @param port 0 for any free port
 * @param dataRoot where shares (directories), volumes (sparse files) and snapshots live
 * @param dataIp the data address the array reports (NFS/SMB server and iSCSI portal)
 * @param projects {@code pool/project} entries created at start
 * @param seedSan whether to create the SAN objects the examples use: target group {@value #TARGET_GROUP} with
 *     target {@code iqn.2012-02.com.tegile:csi}, initiator group {@value #HOST_GROUP}, and a default view of each
 *     project on them
 * @param firstLun the lowest LUN number the array hands out when it chooses one (0 on a real array; 1 for a test
 *     node whose tgtd keeps LUN 0 of every target for itself)
 */
public record SimulatorConfig(String host, int port, String username, String password, Path dataRoot, String dataIp,
        List<Pool> pools, List<String> projects, boolean seedSan, int firstLun) {

    public static final String TARGET_GROUP = "csi-tg";
    public static final String HOST_GROUP = "csi-hg";
    public static final String TARGET_SUFFIX = "csi";

    public SimulatorConfig {
        Objects.requireNonNull(dataRoot, "'dataRoot' must not be null");
        pools = List.copyOf(pools);
        projects = List.copyOf(projects);
        if (firstLun < 0 || firstLun > 16383) {
            throw new IllegalArgumentException("'firstLun' must be 0..16383: " + firstLun);
        }
    }

    public SimulatorConfig(String host, int port, String username, String password, Path dataRoot, String dataIp,
            List<Pool> pools, List<String> projects, boolean seedSan) {
        this(host, port, username, password, dataRoot, dataIp, pools, projects, seedSan, 0);
    }

    /** One 1 TiB pool {@code pool-a} with projects {@code csi-file} and {@code csi-block}, on loopback. */
    public static SimulatorConfig defaults(Path dataRoot) {
        return new SimulatorConfig("127.0.0.1", 0, "admin", "secret", dataRoot, "127.0.0.1",
                List.of(new Pool("pool-a", 1L << 40)), List.of("pool-a/csi-file", "pool-a/csi-block"), true);
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(host, p, username, password, dataRoot, dataIp, pools, projects, seedSan, firstLun);
    }

    public SimulatorConfig withCredentials(String user, String pass) {
        return new SimulatorConfig(host, port, user, pass, dataRoot, dataIp, pools, projects, seedSan, firstLun);
    }

    public SimulatorConfig withPools(List<Pool> p) {
        return new SimulatorConfig(host, port, username, password, dataRoot, dataIp, p, projects, seedSan, firstLun);
    }

    public SimulatorConfig withProjects(List<String> p) {
        return new SimulatorConfig(host, port, username, password, dataRoot, dataIp, pools, p, seedSan, firstLun);
    }

    public SimulatorConfig withDataIp(String ip) {
        return new SimulatorConfig(host, port, username, password, dataRoot, ip, pools, projects, seedSan, firstLun);
    }

    public SimulatorConfig withHost(String h) {
        return new SimulatorConfig(h, port, username, password, dataRoot, dataIp, pools, projects, seedSan, firstLun);
    }

    public SimulatorConfig withFirstLun(int lun) {
        return new SimulatorConfig(host, port, username, password, dataRoot, dataIp, pools, projects, seedSan, lun);
    }
}
