package io.csi4j.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** Records into a Micrometer registry, with the names and tags of {@link MeterNames}. */
final class MicrometerRecorders implements Recorders {

    /**
     * Histogram buckets for call latencies, from a quick identity call to a slow array operation (the sidecars'
     * timeouts are 60-300 s): enough resolution for SLOs without a series per percentile.
     */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
        Duration.ofSeconds(300)};

    private final MeterRegistry registry;
    private final Rpc rpc;
    private final CommandRecorder commands;

    MicrometerRecorders(MeterRegistry registry) {
        this.registry = registry;
        this.rpc = new Rpc(registry);
        this.commands = (program, outcome, nanos) -> timer(MeterNames.HOST_COMMAND)
                .tag(MeterNames.TAG_PROGRAM, program)
                .tag(MeterNames.TAG_OUTCOME, outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public RpcRecorder rpc() {
        return rpc;
    }

    @Override
    public CommandRecorder commands() {
        return commands;
    }

    @Override
    public RestRecorder rest(String backend) {
        return (method, endpoint) -> {
            long start = System.nanoTime();
            AtomicBoolean done = new AtomicBoolean();
            return new RestRecorder.Call() {
                @Override
                public void answered(int status) {
                    end(Integer.toString(status));
                }

                @Override
                public void failed(String reason) {
                    end(reason);
                }

                private void end(String status) {
                    if (done.compareAndSet(false, true)) {
                        timer(MeterNames.BACKEND_REST).tag(MeterNames.TAG_BACKEND, backend)
                                .tag(MeterNames.TAG_METHOD, method).tag(MeterNames.TAG_ENDPOINT, endpoint)
                                .tag(MeterNames.TAG_STATUS, status).register(registry)
                                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    }
                }
            };
        };
    }

    @Override
    public void operationsInFlight(IntSupplier count) {
        // Micrometer holds a gauge's object weakly; the supplier is often a lambda nothing else keeps.
        Gauge.builder(MeterNames.OPERATIONS_IN_FLIGHT, count, c -> c.getAsInt()).strongReference(true)
                .description("Volumes and snapshots an operation holds the in-flight guard for").register(registry);
    }

    static Timer.Builder timer(String name) {
        return Timer.builder(name).serviceLevelObjectives(BUCKETS);
    }

    /** CSI calls: a timer per service, method and code, and a gauge of the calls in progress. */
    private static final class Rpc implements RpcRecorder {

        private final MeterRegistry registry;
        private final AtomicInteger active = new AtomicInteger();

        Rpc(MeterRegistry registry) {
            this.registry = registry;
            Gauge.builder(MeterNames.RPC_ACTIVE, active, AtomicInteger::get).strongReference(true)
                    .description("CSI calls being served").register(registry);
        }

        @Override
        public Call started(String service, String method) {
            long start = System.nanoTime();
            active.incrementAndGet();
            AtomicBoolean done = new AtomicBoolean();
            return code -> {
                if (done.compareAndSet(false, true)) {
                    active.decrementAndGet();
                    timer(MeterNames.RPC).tag(MeterNames.TAG_SERVICE, service).tag(MeterNames.TAG_METHOD, method)
                            .tag(MeterNames.TAG_CODE, code).register(registry)
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
            };
        }
    }
}
