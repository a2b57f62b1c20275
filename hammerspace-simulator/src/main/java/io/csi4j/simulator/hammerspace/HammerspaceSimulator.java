package io.csi4j.simulator.hammerspace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Hammerspace Anvil: the management REST API under {@code https://<host>:<port>/mgmt/v1.2/rest} with a
 * certificate signed by a CA made at start, backed by a real directory tree, with fault injection. Start it, point
 * a client at {@link #endpoint()} trusting {@link #caPem()}, and inspect or disturb it through {@link #faults()},
 * {@link #requestCount(String)}, {@link #releaseTasks(String)} and {@link #expireSessions()}.
 */
public final class HammerspaceSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HammerspaceSimulator.class);

    private final SimulatorConfig config;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final CertificateAuthority ca;
    private final Faults faults = new Faults();
    private final Sessions sessions;
    private final Namespace namespace;
    private final Shares shares;
    private final Tasks tasks;
    private final ShareApi shareApi;
    private final FileApi fileApi;
    private final SnapshotApi snapshotApi;
    private final ClusterApi clusterApi;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final URI endpoint;

    private HammerspaceSimulator(SimulatorConfig config) throws IOException, GeneralSecurityException {
        this.config = config;
        Clock clock = Clock.systemUTC();
        List<String> names = new ArrayList<>(List.of(config.host(), "localhost", "127.0.0.1"));
        names.addAll(config.certificateNames());
        this.ca = CertificateAuthority.create(names);
        this.namespace = new Namespace(config.root());
        this.sessions = new Sessions(config.username(), config.password(), config.sessionTtl(), clock);
        this.shares = new Shares(namespace, clock, config.clusterCapacityBytes(), config.usageRefresh().toMillis());
        this.tasks = new Tasks(faults, clock);
        this.server = HttpsServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        this.server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
        this.endpoint = URI.create("https://" + hostForUri(config.host()) + ":" + server.getAddress().getPort());
        this.shareApi = new ShareApi(shares, tasks, namespace, Set.copyOf(config.objectives()),
                config.defaultDeleteDelay(), config.publishDelay(), uuid -> endpoint + Call.BASE + "/tasks/" + uuid);
        this.fileApi = new FileApi(namespace, faults);
        this.snapshotApi = new SnapshotApi(shares, namespace, clock, config.quotedSnapshotNames());
        this.clusterApi = new ClusterApi(config, shares);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator; the namespace root is created if missing and kept (with what it holds) after close. */
    public static HammerspaceSimulator start(SimulatorConfig config) throws IOException {
        try {
            HammerspaceSimulator sim = new HammerspaceSimulator(config);
            sim.server.start();
            LOG.info("Hammerspace simulator listening on {} with namespace {}", sim.endpoint, sim.namespace.root());
            return sim;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the simulator", e);
        }
    }

    /** {@code https://host:port}, the value of {@code HS_ENDPOINT}. */
    public URI endpoint() {
        return endpoint;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The namespace root on the local disk: {@code /<share>} is {@code root()/<share>}. */
    public Path root() {
        return namespace.root();
    }

    /** The CA certificate that signed the server certificate, as PEM. */
    public String caPem() throws IOException {
        return ca.caPem();
    }

    public X509Certificate caCertificate() {
        return ca.caCertificate();
    }

    /** Writes the CA certificate to {@code file} (PEM) and returns the file. */
    public Path writeCaPem(Path file) throws IOException {
        ca.writeCaPem(file);
        return file;
    }

    public Faults faults() {
        return faults;
    }

    /** Held tasks of {@code type} complete now. */
    public void releaseTasks(String type) {
        tasks.release(type);
    }

    /** Every session cookie stops working: the next call of a client gets 401 and must log in again. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /** Requests handled (after authentication) per template such as {@code POST shares} or {@code GET shares/{}}. */
    public long requestCount(String template) {
        LongAdder a = counts.get(template);
        return a == null ? 0 : a.sum();
    }

    /** Every template and its count, sorted. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void resetCounts() {
        counts.clear();
    }

    /** The names of shares that exist now (any state), sorted. */
    public List<String> shareNames() {
        return shares.all().stream().map(s -> s.name).toList();
    }

    /** The state of a share ({@code MOUNTED}, {@code PUBLISHED}, {@code REMOVED}, ...), if it exists. */
    public Optional<String> shareState(String name) {
        return shares.get(name).map(s -> {
            synchronized (shares) {
                return s.stateAt(shares.now());
            }
        });
    }

    /** The share's settings as {@code GET /shares/{name}} renders them. */
    public Optional<Map<String, Object>> share(String name) {
        return shares.get(name).map(shares::render);
    }

    /** The names of a share's snapshots (without {@code current}). */
    public List<String> shareSnapshots(String name) throws IOException {
        return snapshotApi.snapshotNames(name);
    }

    /** The tasks as {@code GET /tasks} lists them. */
    public List<Map<String, Object>> tasks() {
        return tasks.all();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Optional<Call> parsed = Call.parse(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), body,
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie")),
                    Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")));
            Reply reply = parsed.map(this::answer).orElseGet(() -> Reply.error(404, "not an API path"));
            send(ex, reply);
        }
    }

    private Reply answer(Call call) {
        sleep(faults.latency().toMillis());
        Optional<Integer> injected = faults.injectedStatus(call);
        if (injected.isPresent()) {
            return Reply.error(injected.get(), "injected fault");
        }
        if (call.method().equals("POST") && call.segment(0).equals("login") && call.size() == 1) {
            counts.computeIfAbsent("POST login", k -> new LongAdder()).increment();
            return login(call);
        }
        if (!sessions.valid(call.cookie())) {
            return Reply.error(401, "Not logged in");
        }
        counts.computeIfAbsent(call.template(), k -> new LongAdder()).increment();
        try {
            return Routes.route(call, shareApi, fileApi, snapshotApi, clusterApi, tasks);
        } catch (IOException | RuntimeException e) {
            LOG.warn("simulator request {} failed", call.template(), e);
            return Reply.error(500, "internal error: " + e.getMessage());
        }
    }

    private Reply login(Call call) {
        Map<String, String> form = call.form();
        return sessions.login(form.getOrDefault("username", ""), form.getOrDefault("password", ""))
                .map(id -> Reply.empty(200).withHeader("Set-Cookie", Sessions.COOKIE + "=" + id
                        + "; Path=/; Secure; HttpOnly"))
                .orElseGet(() -> Reply.error(401, "Invalid username or password"));
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] body = reply.body();
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
