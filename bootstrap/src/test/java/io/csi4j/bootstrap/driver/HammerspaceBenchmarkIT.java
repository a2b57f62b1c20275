package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.util.concurrent.ListenableFuture;
import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.CreateVolumeResponse;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateVolume throughput over the real socket against the simulator (opt-in: {@code -Dcsi4j.bench=true}).
 * File-backed creates with 16 in flight (the original plugin serialised mkfs per backing share: 2-3 volumes/s), and
 * share creates with 100 in flight and 20 ms injected on every API call, compared with the bound those calls set:
 * 100 / (API calls per create x 20 ms).
 */
class HammerspaceBenchmarkIT {

    private static final Logger LOG = LoggerFactory.getLogger(HammerspaceBenchmarkIT.class);

    @TempDir
    Path dir;

    /** One measured run: creates, wall time, API calls, and CPU used by the driver and by this JVM (simulator). */
    record Run(int creates, double seconds, long apiCalls, double driverCpuMsPerCreate, double simulatorCpuMsPerCreate,
            String load) {
        double perSecond() {
            return creates / seconds;
        }
    }

    @Test
    void fileBackedCreatesWithSixteenInFlight() throws Exception {
        assumeTrue(Boolean.getBoolean("csi4j.bench"), "benchmarks run with -Dcsi4j.bench=true");
        for (long latency : new long[] {0, 20}) {
            try (Bench b = new Bench(dir.resolve("file-" + latency))) {
                VolumeCapability block = VolumeCapability.newBuilder().setBlock(VolumeCapability.BlockVolume.newBuilder())
                        .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                                .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)).build();
                Map<String, String> params = Map.of("blockBackingShareName", "bench-blocks");
                b.run("warm-file", 300, 16, block, params, 1L << 30);
                b.sim.faults().latency(Duration.ofMillis(latency));
                Run r = b.run("file", 400, 16, block, params, 1L << 30);
                LOG.warn("BENCH file-backed latency={}ms creates={} seconds={} volumes/s={} apiCallsPerCreate={} "
                        + "driverCpuMs/create={} simulatorCpuMs/create={} loadavg={}", latency, r.creates(),
                        String.format("%.2f", r.seconds()), String.format("%.1f", r.perSecond()),
                        String.format("%.2f", (double) r.apiCalls() / r.creates()),
                        String.format("%.2f", r.driverCpuMsPerCreate()), String.format("%.2f", r.simulatorCpuMsPerCreate()),
                        r.load());
                assertThat(r.perSecond()).isGreaterThan(10);
            }
        }
    }

    @Test
    void shareCreatesWithAHundredInFlightAndTwentyMillisecondsPerCall() throws Exception {
        assumeTrue(Boolean.getBoolean("csi4j.bench"), "benchmarks run with -Dcsi4j.bench=true");
        try (Bench b = new Bench(dir.resolve("share"))) {
            VolumeCapability nfs = VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.newBuilder())
                    .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                            .setMode(VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER)).build();
            b.sim.faults().latency(Duration.ofMillis(20));
            b.run("warm-share", 600, 100, nfs, Map.of(), 1L << 30);
            // the brief's case, then two where the CPU of this host is not the limit, to show the driver's own overhead
            int[][] cases = {{100, 20, 1000}, {10, 20, 300}, {100, 200, 500}};
            for (int[] c : cases) {
                b.sim.faults().latency(Duration.ofMillis(c[1]));
                Run r = b.run("share-" + c[0] + "-" + c[1], c[2], c[0], nfs, Map.of(), 1L << 30);
                double calls = (double) r.apiCalls() / r.creates();
                double bound = c[0] / (calls * c[1] / 1000.0);
                LOG.warn("BENCH share latency={}ms inFlight={} creates={} seconds={} creates/s={} apiCallsPerCreate={} "
                        + "bound/s={} ratio={} driverCpuMs/create={} simulatorCpuMs/create={} loadavg={}", c[1], c[0],
                        r.creates(), String.format("%.2f", r.seconds()), String.format("%.1f", r.perSecond()),
                        String.format("%.2f", calls), String.format("%.1f", bound),
                        String.format("%.2f", r.perSecond() / bound), String.format("%.2f", r.driverCpuMsPerCreate()),
                        String.format("%.2f", r.simulatorCpuMsPerCreate()), r.load());
            }
        }
    }

    /** The jar on a socket, configured by HS_* against a simulator, and a load driver. */
    static final class Bench implements AutoCloseable {
        final HammerspaceSimulator sim;
        final DriverProcess driver;
        final CsiClient csi;

        Bench(Path dir) throws Exception {
            Files.createDirectories(dir);
            sim = HammerspaceSimulator.start(SimulatorConfig.defaults(dir.resolve("namespace")).withCapacity(1L << 50)
                    .withUsageRefresh(Duration.ofSeconds(1)));
            Path ca = sim.writeCaPem(dir.resolve("ca.pem"));
            Map<String, String> env = new java.util.HashMap<>(Map.of("HS_ENDPOINT", sim.endpoint().toString(),
                    "HS_USERNAME", sim.config().username(), "HS_PASSWORD", sim.config().password(), "HS_CA_FILE",
                    ca.toString(), "HS_NAMESPACE_ROOT", sim.root().toString()));
            // e.g. -Dbench.driverOpts=-XX:StartFlightRecording=filename=/tmp/driver.jfr to profile the driver
            String opts = System.getProperty("bench.driverOpts", "");
            if (!opts.isBlank()) {
                env.put("JAVA_TOOL_OPTIONS", opts);
            }
            // the JVM's own defaults (C2, G1), as in production; the tests' fast-start flags would halve throughput
            driver = DriverProcess.start(dir, env, List.of(), "--mode", "controller");
            csi = new CsiClient(driver.socket());
        }

        Run run(String prefix, int count, int inFlight, VolumeCapability cap, Map<String, String> params, long size)
                throws Exception {
            sim.resetCounts();
            long driverCpu0 = cpuNanos(ProcessHandle.of(driver.pid()).orElseThrow());
            long selfCpu0 = cpuNanos(ProcessHandle.current());
            Semaphore slots = new Semaphore(inFlight);
            List<ListenableFuture<CreateVolumeResponse>> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                slots.acquire();
                var f = csi.controllerAsync().withDeadlineAfter(120, TimeUnit.SECONDS).createVolume(
                        CreateVolumeRequest.newBuilder().setName(prefix + "-" + i).addVolumeCapabilities(cap)
                                .putAllParameters(params)
                                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(size)).build());
                f.addListener(slots::release, Runnable::run);
                all.add(f);
            }
            for (var f : all) {
                f.get(120, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long calls = sim.requestCounts().values().stream().mapToLong(Long::longValue).sum();
            double driverMs = (cpuNanos(ProcessHandle.of(driver.pid()).orElseThrow()) - driverCpu0) / 1e6 / count;
            double selfMs = (cpuNanos(ProcessHandle.current()) - selfCpu0) / 1e6 / count;
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            return new Run(count, seconds, calls, driverMs, selfMs, load);
        }

        private static long cpuNanos(ProcessHandle p) {
            return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        @Override
        public void close() throws Exception {
            csi.close();
            driver.close();
            sim.close();
        }
    }
}
