package io.csi4j.bootstrap.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.csi4j.bootstrap.config.MetricsAddress;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in HTTP endpoint: {@code GET /metrics} in the Prometheus text format, {@code GET /healthz} answering 200
 * when Probe on the CSI endpoint says ready and 503 with the reason otherwise (for a kubelet liveness probe or a
 * load balancer). Two daemon threads serve it; it holds no lock a CSI call needs.
 */
public final class HttpEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CsiProbe probe;

    private HttpEndpoint(HttpServer server, ExecutorService executor, CsiProbe probe) {
        this.server = server;
        this.executor = executor;
        this.probe = probe;
    }

    static Either<String, HttpEndpoint> start(MetricsAddress address, Supplier<String> scrape, CsiProbe probe) {
        HttpServer server;
        try {
            server = HttpServer.create(address.socketAddress(), 16);
        } catch (IOException | RuntimeException e) {
            probe.close();
            return Either.left("cannot serve metrics on " + address + ": " + e.getMessage());
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "csi4j-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, () -> new Reply(200, PROMETHEUS_TEXT,
                scrape.get())));
        server.createContext("/healthz", exchange -> respond(exchange, () -> {
            CsiProbe.Result r = probe.check();
            return new Reply(r.healthy() ? 200 : 503, "text/plain; charset=utf-8", r.detail() + "\n");
        }));
        server.start();
        HttpEndpoint endpoint = new HttpEndpoint(server, executor, probe);
        LOG.info("serving metrics address={} paths=\"/metrics /healthz\"", endpoint.address());
        return Either.right(endpoint);
    }

    /** The address bound; with port 0, the port actually taken. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops answering at once; called before the CSI server drains. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        probe.close();
    }

    private record Reply(int status, String contentType, String body) {}

    private static void respond(HttpExchange exchange, Supplier<Reply> handler) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Reply reply = handler.get();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
