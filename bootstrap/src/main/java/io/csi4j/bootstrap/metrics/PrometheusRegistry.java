package io.csi4j.bootstrap.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The only class that touches the Prometheus registry, so that those classes load only when metrics are on. Binds
 * the JVM's own meters (memory, GC, threads, classes, CPU, uptime) and the process's resident memory.
 */
final class PrometheusRegistry {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final PrometheusMeterRegistry registry;

    private PrometheusRegistry(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    static PrometheusRegistry create() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(r);
        // Registers a GC notification listener for the process's lifetime; never closed.
        new JvmGcMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        Gauge.builder("process.resident.memory", PrometheusRegistry::residentBytes).baseUnit("bytes")
                .description("Resident set size of the process (VmRSS)").register(r);
        return new PrometheusRegistry(r);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    /** VmRSS from /proc/self/status, or NaN off Linux. */
    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
