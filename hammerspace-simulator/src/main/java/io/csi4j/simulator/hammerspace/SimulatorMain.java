package io.csi4j.simulator.hammerspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulator on its own until SIGTERM:
 * {@code java -jar hammerspace-simulator.jar --root DIR [--host H] [--port P] [--ca-out FILE] [--user U]
 * [--password-file F] [--latency-ms N] [--portal NODE=ADDRESS[:TYPE]]... [--floating-ip IP]... [--cert-name N]...
 * [--capacity BYTES] [--delete-delay-s N]}. The endpoint and the CA file are logged at start.
 */
public final class SimulatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        SimulatorConfig config;
        Path caOut;
        long latency;
        try {
            Options o = Options.parse(args);
            config = o.config();
            caOut = o.caOut;
            latency = o.latencyMs;
        } catch (IllegalArgumentException e) {
            LOG.error("hammerspace-simulator: {}", e.getMessage());
            System.exit(2);
            return;
        }
        HammerspaceSimulator sim = HammerspaceSimulator.start(config);
        sim.faults().latency(Duration.ofMillis(latency));
        Path ca = sim.writeCaPem(caOut);
        LOG.info("HS_ENDPOINT={} HS_USERNAME={} CA certificate: {}", sim.endpoint(), config.username(), ca);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
    }

    /** The command line, parsed without a library. */
    private static final class Options {
        String host = "127.0.0.1";
        int port = 8443;
        Path root;
        Path caOut;
        String user = SimulatorConfig.DEFAULT_USERNAME;
        String password = SimulatorConfig.DEFAULT_PASSWORD;
        long latencyMs;
        long capacity = 1L << 40;
        long deleteDelay = -1;
        final List<SimulatorConfig.DataPortal> portals = new ArrayList<>();
        final List<String> floating = new ArrayList<>();
        final List<String> certNames = new ArrayList<>();

        static Options parse(String[] args) throws IOException {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                if (v == null) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                i++;
                switch (a) {
                    case "--host" -> o.host = v;
                    case "--port" -> o.port = Integer.parseInt(v);
                    case "--root" -> o.root = Path.of(v);
                    case "--ca-out" -> o.caOut = Path.of(v);
                    case "--user" -> o.user = v;
                    case "--password-file" -> o.password = Files.readString(Path.of(v)).strip();
                    case "--latency-ms" -> o.latencyMs = Long.parseLong(v);
                    case "--capacity" -> o.capacity = Long.parseLong(v);
                    case "--delete-delay-s" -> o.deleteDelay = Long.parseLong(v);
                    case "--floating-ip" -> o.floating.add(v);
                    case "--cert-name" -> o.certNames.add(v);
                    case "--portal" -> o.portals.add(portal(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.root == null) {
                throw new IllegalArgumentException("--root DIR is required (the namespace directory tree)");
            }
            if (o.caOut == null) {
                o.caOut = o.root.resolveSibling(o.root.getFileName() + "-ca.pem");
            }
            return o;
        }

        private static SimulatorConfig.DataPortal portal(String v) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--portal wants NODE=ADDRESS[:TYPE], not " + v);
            }
            String rest = v.substring(eq + 1);
            int colon = rest.lastIndexOf(':');
            boolean typed = colon > 0 && rest.substring(colon + 1).startsWith("NFS");
            return new SimulatorConfig.DataPortal(v.substring(0, eq), typed ? rest.substring(0, colon) : rest,
                    typed ? rest.substring(colon + 1) : "NFS_V3", true);
        }

        SimulatorConfig config() {
            SimulatorConfig c = SimulatorConfig.defaults(root).withListen(host, port).withAccount(user, password)
                    .withCapacity(capacity).withCertificateNames(certNames);
            if (!portals.isEmpty() || !floating.isEmpty()) {
                c = c.withPortals(portals.isEmpty() ? c.dataPortals() : portals, floating);
            }
            if (deleteDelay >= 0) {
                c = c.withTimes(c.sessionTtl(), Duration.ofSeconds(deleteDelay), c.publishDelay());
            }
            return c;
        }
    }
}
