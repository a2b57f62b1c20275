package io.csi4j.bootstrap.metrics;

import io.csi4j.adapters.grpc.server.Endpoint;
import io.csi4j.bootstrap.config.MetricsAddress;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.metrics.Recorders;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The metrics of one process. With no metrics address, recorders that record nothing and no Prometheus or
 * Micrometer class loaded (the node plugin's memory matters); with one, a Prometheus registry and, once the CSI
 * server runs, the HTTP endpoint.
 */
public final class Observability {

    private final Recorders recorders;
    private final Optional<Supplier<String>> scrape;
    private final Optional<MetricsAddress> address;

    private Observability(Recorders recorders, Optional<Supplier<String>> scrape, Optional<MetricsAddress> address) {
        this.recorders = recorders;
        this.scrape = scrape;
        this.address = address;
    }

    public static Observability from(Settings settings) {
        if (settings.metricsAddress().isEmpty()) {
            return new Observability(Recorders.none(), Optional.empty(), Optional.empty());
        }
        PrometheusRegistry prometheus = PrometheusRegistry.create();
        return new Observability(Recorders.into(prometheus.registry()), Optional.of(prometheus::scrape),
                settings.metricsAddress());
    }

    /** What the adapters record into. */
    public Recorders recorders() {
        return recorders;
    }

    /**
     * Opens the HTTP endpoint, if metrics are on; its health check calls Probe on {@code csi}, the endpoint the CSI
     * server answers on. A reason when the address cannot be bound.
     */
    public Either<String, Optional<HttpEndpoint>> serve(Endpoint csi) {
        if (address.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return HttpEndpoint.start(address.get(), scrape.orElseThrow(), new CsiProbe(csi)).map(Optional::of);
    }
}
