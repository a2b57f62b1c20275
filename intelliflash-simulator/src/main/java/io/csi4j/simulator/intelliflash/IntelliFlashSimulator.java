package io.csi4j.simulator.intelliflash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.csi4j.simulator.intelliflash.data.DataStore;
import io.csi4j.simulator.intelliflash.faults.Faults;
import io.csi4j.simulator.intelliflash.http.AdminHandler;
import io.csi4j.simulator.intelliflash.http.ApiHandler;
import io.csi4j.simulator.intelliflash.http.BasicAuth;
import io.csi4j.simulator.intelliflash.http.StateDump;
import io.csi4j.simulator.intelliflash.methods.MethodTable;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated IntelliFlash array: the REST API over HTTPS with a certificate made at start, the array's rules,
 * data on disk, and fault injection. Start it in-process with {@link #start}, or run it on its own:
 *
 * <pre>java -jar csi4j-intelliflash-simulator-runnable.jar --data /tmp/array --port 8443 --cert /tmp/array.pem</pre>
 *
 * (see {@link CommandLine} for every option).
 */
public final class IntelliFlashSimulator implements AutoCloseable {

    /** Made on first use, so that {@link #main} can choose the logging configuration first. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(IntelliFlashSimulator.class);
    }

    private final SimulatorConfig config;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final SelfSignedCertificate certificate;
    private final ArrayModel model;
    private final Faults faults;
    private final ObjectMapper json;

    private IntelliFlashSimulator(SimulatorConfig config, HttpsServer server, ExecutorService executor,
            SelfSignedCertificate certificate, ArrayModel model, Faults faults, ObjectMapper json) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.certificate = certificate;
        this.model = model;
        this.faults = faults;
        this.json = json;
    }

    public static IntelliFlashSimulator start(SimulatorConfig config) throws IOException {
        SelfSignedCertificate cert;
        try {
            cert = SelfSignedCertificate.generate("IntelliFlash simulator", List.of(config.host(), "localhost"));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the simulator's certificate", e);
        }
        ArrayModel model = new ArrayModel(new DataStore(config.dataRoot()), config.dataIp(), Clock.systemUTC());
        Seeding.seed(model, config);
        Faults faults = new Faults();
        ObjectMapper json = new ObjectMapper();
        BasicAuth auth = new BasicAuth(config.username(), config.password());
        HttpsServer server = HttpsServer.create(new InetSocketAddress(config.host(), config.port()), 512);
        try {
            server.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS", e);
        }
        server.createContext("/zebi/api/", new ApiHandler(json, new MethodTable(model), faults, auth));
        server.createContext("/sim/", new AdminHandler(json, model, faults, auth));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        IntelliFlashSimulator sim = new IntelliFlashSimulator(config, server, executor, cert, model, faults, json);
        Log.LOG.info("IntelliFlash simulator listening on {} (data in {})", sim.restIp(), config.dataRoot());
        return sim;
    }

    /** The value a driver configuration's {@code restIp} takes: {@code https://host:port}. */
    public String restIp() {
        return "https://" + config.host() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The certificate the simulator presents, in PEM form (a client's {@code caFile}). */
    public String certificatePem() {
        return certificate.pem();
    }

    public java.security.cert.X509Certificate certificate() {
        return certificate.certificate();
    }

    /** Writes the certificate to {@code file} and returns it. */
    public Path writeCertificate(Path file) throws IOException {
        Files.writeString(file, certificatePem());
        return file;
    }

    public Faults faults() {
        return faults;
    }

    /** The array itself, for tests that seed or inspect it in-process. */
    public ArrayModel model() {
        return model;
    }

    /** The whole array as deterministic JSON, for before/after comparisons. */
    public String stateJson() {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(StateDump.state(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> exports() {
        return StateDump.exports(model);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "simulator-logback.xml");
        }
        CommandLine cli = CommandLine.parse(args);
        if (cli.help()) {
            Log.LOG.info(CommandLine.USAGE);
            return;
        }
        IntelliFlashSimulator sim = start(cli.config());
        if (cli.certFile() != null) {
            sim.writeCertificate(cli.certFile());
            Log.LOG.info("certificate written to {}", cli.certFile());
        }
        sim.faults().latency(cli.latency());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "simulator-shutdown"));
        stop.await();
    }
}
