package io.csi4j.simulator.intelliflash;

import io.csi4j.simulator.intelliflash.model.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The simulator's command-line options (see {@link #USAGE}). */
record CommandLine(SimulatorConfig config, Path certFile, Duration latency, boolean help) {

    static final String USAGE = """
            usage: java -jar csi4j-intelliflash-simulator-runnable.jar --data DIR [options]
              --data DIR          where shares, volumes and snapshots live (required)
              --host ADDR         address to listen on and to name in the certificate (default 127.0.0.1)
              --port N            port (default 0: any free port, printed at start)
              --user NAME         REST user (default admin)
              --password PASS     REST password (default secret)
              --data-ip ADDR      data address reported for NFS/SMB/iSCSI (default: the host)
              --pool NAME=SIZE    a pool, SIZE in bytes or with Ki/Mi/Gi/Ti (repeatable; default pool-a=1Ti)
              --project POOL/NAME a project (repeatable; default pool-a/csi-file and pool-a/csi-block)
              --no-san            do not create the example target group, target and host group
              --first-lun N       lowest LUN number the array chooses (default 0; 1 when tgtd serves the LUNs)
              --cert FILE         write the certificate (PEM) there, for a client's caFile
              --latency MS        latency added to every REST call (default 0)
            """;

    static CommandLine parse(String[] args) {
        Path data = null;
        String host = "127.0.0.1";
        String dataIp = null;
        int port = 0;
        String user = "admin";
        String password = "secret";
        List<Pool> pools = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        boolean san = true;
        int firstLun = 0;
        Path cert = null;
        Duration latency = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "-help", "--help" -> {
                    return new CommandLine(null, null, latency, true);
                }
                case "--no-san" -> san = false;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--data" -> data = Path.of(v);
                        case "--host" -> host = v;
                        case "--port" -> port = Integer.parseInt(v);
                        case "--user" -> user = v;
                        case "--password" -> password = v;
                        case "--data-ip" -> dataIp = v;
                        case "--pool" -> pools.add(pool(v));
                        case "--project" -> projects.add(v);
                        case "--cert" -> cert = Path.of(v);
                        case "--first-lun" -> firstLun = Integer.parseInt(v);
                        case "--latency" -> latency = Duration.ofMillis(Long.parseLong(v));
                        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                    }
                }
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data is required\n" + USAGE);
        }
        SimulatorConfig d = SimulatorConfig.defaults(data);
        SimulatorConfig c = new SimulatorConfig(host, port, user, password, data, dataIp == null ? host : dataIp,
                pools.isEmpty() ? d.pools() : pools, projects.isEmpty() ? d.projects() : projects, san, firstLun);
        return new CommandLine(c, cert, latency, false);
    }

    private static Pool pool(String v) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--pool takes NAME=SIZE: " + v);
        }
        return new Pool(v.substring(0, eq), size(v.substring(eq + 1)));
    }

    static long size(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        for (String[] u : new String[][] {{"ki", "1024"}, {"mi", "1048576"}, {"gi", "1073741824"}, {"ti", "1099511627776"}}) {
            if (t.endsWith(u[0])) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - 2);
            }
        }
        return Long.parseLong(t) * unit;
    }
}
