package io.csi4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Recorders recorders = Recorders.into(registry);

    @Test
    void aCsiCallIsTimedByServiceMethodAndCodeAndCountsAsActiveUntilItEnds() {
        RpcRecorder.Call call = recorders.rpc().started("csi.v1.Controller", "CreateVolume");
        assertThat(registry.get(MeterNames.RPC_ACTIVE).gauge().value()).isEqualTo(1.0);

        call.finished("ABORTED");
        call.finished("OK");

        Timer t = registry.get(MeterNames.RPC).tag("service", "csi.v1.Controller").tag("method", "CreateVolume")
                .tag("code", "ABORTED").timer();
        assertThat(t.count()).as("only the first end counts").isEqualTo(1);
        assertThat(registry.find(MeterNames.RPC).tag("code", "OK").timer()).isNull();
        assertThat(registry.get(MeterNames.RPC_ACTIVE).gauge().value()).isZero();
    }

    @Test
    void aHostCommandIsTimedByProgramAndOutcome() {
        recorders.commands().ran("mkfs.ext4", CommandRecorder.Outcome.TIMEOUT, TimeUnit.SECONDS.toNanos(3));

        Timer t = registry.get(MeterNames.HOST_COMMAND).tag("program", "mkfs.ext4").tag("outcome", "timeout").timer();
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
    }

    @Test
    void anArrayRestCallIsTimedByBackendEndpointAndStatusOrFailureReason() {
        RestRecorder rest = recorders.rest("array1");
        rest.request("POST", "listShares").answered(200);
        rest.request("POST", "listShares").answered(200);
        rest.request("GET", "/shares/{name}").failed("timeout");

        assertThat(registry.get(MeterNames.BACKEND_REST).tag("backend", "array1").tag("endpoint", "listShares")
                .tag("method", "POST").tag("status", "200").timer().count()).isEqualTo(2);
        assertThat(registry.get(MeterNames.BACKEND_REST).tag("endpoint", "/shares/{name}").tag("status", "timeout")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void timersPublishTheLatencyBucketsPrometheusNeedsForQuantiles() {
        recorders.rpc().started("csi.v1.Identity", "Probe").finished("OK");

        var buckets = registry.get(MeterNames.RPC).timer().takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(MicrometerRecorders.BUCKETS.length);
    }

    @Test
    void theInFlightGaugeReadsTheGuardWhenScraped() {
        java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger(3);
        recorders.operationsInFlight(held::get);

        assertThat(registry.get(MeterNames.OPERATIONS_IN_FLIGHT).gauge().value()).isEqualTo(3.0);
        held.set(0);
        assertThat(registry.get(MeterNames.OPERATIONS_IN_FLIGHT).gauge().value()).isZero();
    }
}
