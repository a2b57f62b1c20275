package io.csi4j.bootstrap;

import io.csi4j.adapters.grpc.server.CsiServer;
import io.csi4j.adapters.grpc.server.Endpoint;
import io.csi4j.bootstrap.backends.BackendAssembly;
import io.csi4j.bootstrap.backends.BackendFactory;
import io.csi4j.bootstrap.backends.NodeAssembly;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.LogFormat;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.bootstrap.metrics.HttpEndpoint;
import io.csi4j.bootstrap.metrics.Observability;
import io.csi4j.bootstrap.wiring.DaggerDriverComponent;
import io.csi4j.bootstrap.wiring.DriverComponent;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.node.NodeHost;
import io.csi4j.ports.service.node.NodeSettings;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running driver: builds the backends and, on nodes, the host adapter; wires the services for the mode;
 * serves the endpoint (and, when configured, the metrics endpoint) until SIGTERM, then stops accepting, drains
 * in-flight calls and removes the socket.
 */
final class Driver {

    private static final Logger LOG = LoggerFactory.getLogger(Driver.class);
    /** Kubernetes sends SIGKILL 30 s after SIGTERM by default; drain well within that. */
    static final Duration DRAIN = Duration.ofSeconds(20);

    private Driver() {}

    /** Exit code: 0 after a clean stop, 2 for a configuration problem, 1 when the endpoint cannot be served. */
    static int run(Settings settings, Map<String, BackendFactory> factories, PrintWriter out, PrintWriter err) {
        Observability metrics = Observability.from(settings);
        Either<ConfigError, Backends> backends = BackendAssembly.assemble(settings, factories, metrics.recorders());
        if (backends.isLeft()) {
            return configError(err, backends.getLeft());
        }
        Either<ConfigError, NodeSettings> nodeSettings = NodeAssembly.settings(settings, backends.get());
        if (nodeSettings.isLeft()) {
            return configError(err, nodeSettings.getLeft());
        }
        NodeSettings node = nodeSettings.get();
        Either<ConfigError, Optional<NodeHost>> host = host(settings, node, metrics);
        if (host.isLeft()) {
            return configError(err, host.getLeft());
        }
        DriverComponent component = DaggerDriverComponent.factory().create(settings, backends.get(), node, host.get());
        metrics.recorders().operationsInFlight(component.inFlight()::size);
        var server = Endpoint.parse(settings.endpoint())
                .flatMap(endpoint -> CsiServer.start(endpoint, component.services(), metrics.recorders().rpc()));
        if (server.isLeft()) {
            return cannotServe(err, server.getLeft().message());
        }
        Either<String, Optional<HttpEndpoint>> http = metrics.serve(server.get().endpoint());
        if (http.isLeft()) {
            server.get().stop(Duration.ZERO);
            return cannotServe(err, http.getLeft());
        }
        announce(out, settings, backends.get(), server.get());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server.get(), http.get()), "csi4j-shutdown"));
        try {
            server.get().awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The host adapter, for a process that serves the node. */
    private static Either<ConfigError, Optional<NodeHost>> host(Settings settings, NodeSettings node,
            Observability metrics) {
        if (!settings.mode().servesNode()) {
            return Either.right(Optional.empty());
        }
        return NodeAssembly.host(settings, node, metrics.recorders().commands()).map(Optional::of);
    }

    private static int cannotServe(PrintWriter err, String reason) {
        err.println("csi4j: " + reason);
        err.flush();
        return 1;
    }

    private static void stop(CsiServer server, Optional<HttpEndpoint> http) {
        http.ifPresent(HttpEndpoint::stop);
        LOG.info("stopping: draining in-flight calls for up to {} s", DRAIN.toSeconds());
        server.stop(DRAIN);
        LOG.info("stopped");
    }

    private static void announce(PrintWriter out, Settings settings, Backends backends, CsiServer server) {
        String what = backends.all().stream().map(b -> b.name() + " (" + b.features().type() + ")")
                .collect(Collectors.joining(", "));
        // In JSON mode every stdout line is a JSON object for the log collector: the log line below says it all.
        if (settings.logFormat() == LogFormat.TEXT) {
            out.printf("csi4j %s serving CSI on %s (driver %s, node %s, mode %s, backends: %s)%n", Version.current(),
                    server.endpoint().uri(), settings.driverName(), settings.nodeId(), settings.mode(), what);
            out.flush();
        }
        LOG.info("started version={} endpoint={} driver={} node={} mode={} backends=\"{}\"", Version.current(),
                server.endpoint().uri(), settings.driverName(), settings.nodeId(), settings.mode(), what);
    }

    static int configError(PrintWriter err, ConfigError e) {
        err.println("csi4j: configuration error: " + e.message());
        err.flush();
        return 2;
    }
}
