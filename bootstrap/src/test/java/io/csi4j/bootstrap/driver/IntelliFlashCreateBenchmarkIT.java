package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.IntelliFlashDriver.MIB;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.create;
import static io.csi4j.bootstrap.driver.IntelliFlashDriver.mount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.csi4j.csi.v1.CreateVolumeResponse;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreateVolume throughput of the IntelliFlash backends over the real socket, 100 requests in flight, with 20 ms
 * added to every REST call by the simulator, next to the bound those calls set: a create that needs {@code c}
 * sequential calls takes at least {@code c x 20 ms}, so 100 in flight can finish at most {@code 100 / (c x 20 ms)}
 * per second. Run with {@code -Dcsi4j.benchmark=true} (see docs/performance.md); it prints and writes its report.
 */
class IntelliFlashCreateBenchmarkIT {

    static final int IN_FLIGHT = 100;
    static final Duration LATENCY = Duration.ofMillis(Long.getLong("csi4j.benchmark.latencyMillis", 20));

    @TempDir
    Path dir;

    @Test
    void fileCreates() throws Exception {
        run("file", IntelliFlashDriver.FILE_DRIVER, "csi-file", Mode.MULTI_NODE_MULTI_WRITER);
    }

    @Test
    void blockCreates() throws Exception {
        run("block", IntelliFlashDriver.BLOCK_DRIVER, "csi-block", Mode.SINGLE_NODE_WRITER);
    }

    void run(String flavour, String driverName, String project, Mode mode) throws Exception {
        assumeTrue(Boolean.getBoolean("csi4j.benchmark"), "benchmarks run with -Dcsi4j.benchmark=true");
        int count = Integer.getInteger("csi4j.benchmark.creates", 1000);
        List<String> jvm = new ArrayList<>(List.of("-Xss512k"));
        String extra = System.getProperty("csi4j.benchmark.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        try (IntelliFlashDriver d = IntelliFlashDriver.start(dir.resolve(flavour), driverName, project, Map.of(), jvm)) {
            d.array.faults().latency(LATENCY);
            burst(d, "warm-" + flavour, Math.min(count, 300), mode);
            d.array.faults().resetCalls();

            long started = System.nanoTime();
            long driverCpu = cpuMillis(d.driver.pid());
            long arrayCpu = cpuMillis(ProcessHandle.current().pid());
            List<Long> latencies = burst(d, "pvc-" + flavour, count, mode);
            double seconds = (System.nanoTime() - started) / 1e9;
            double driverCpuPerCreate = (double) (cpuMillis(d.driver.pid()) - driverCpu) / count;
            double arrayCpuPerCreate = (double) (cpuMillis(ProcessHandle.current().pid()) - arrayCpu) / count;

            int calls = d.array.faults().calls().values().stream().mapToInt(Integer::intValue).sum();
            double callsPerCreate = (double) calls / count;
            double throughput = count / seconds;
            double bound = IN_FLIGHT / (callsPerCreate * LATENCY.toMillis() / 1000.0);
            Collections.sort(latencies);
            int cores = Runtime.getRuntime().availableProcessors();
            String report = String.format("intelliflash-%s: %d creates, %d in flight, %d ms per REST call: %.1f creates/s; "
                    + "%.2f REST calls per create %s -> bound %.1f creates/s; ratio %.0f %%; latency p50 %d ms, p99 %d ms; "
                    + "CPU per create: driver %.2f ms, array+client %.2f ms -> CPU ceiling on %d cores %.0f creates/s; "
                    + "load average %.1f%n",
                    flavour, count, IN_FLIGHT, LATENCY.toMillis(), throughput, callsPerCreate, d.array.faults().calls(),
                    bound, 100 * throughput / bound, latencies.get(latencies.size() / 2),
                    latencies.get((int) (latencies.size() * 0.99)), driverCpuPerCreate, arrayCpuPerCreate, cores,
                    cores * 1000 / (driverCpuPerCreate + arrayCpuPerCreate), loadAverage());
            Files.writeString(Path.of("target", "intelliflash-benchmark-" + flavour + "-" + LATENCY.toMillis() + "ms.txt"),
                    report);
            System.err.print(report);
            assertThat(latencies).hasSize(count);
        }
    }

    /** CPU time (user + system) a process has used, from /proc. */
    static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10;
    }

    static double loadAverage() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** {@code count} creates, at most {@link #IN_FLIGHT} at a time; their latencies in ms. */
    static List<Long> burst(IntelliFlashDriver d, String prefix, int count, Mode mode) throws InterruptedException {
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(count);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            window.acquire();
            long t0 = System.nanoTime();
            var future = d.csi.controllerAsync().withDeadlineAfter(120, TimeUnit.SECONDS)
                    .createVolume(create(prefix + "-" + i, MIB, mount(mode)).build());
            Futures.addCallback(future, new FutureCallback<CreateVolumeResponse>() {
                @Override
                public void onSuccess(CreateVolumeResponse r) {
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                    window.release();
                    done.countDown();
                }

                @Override
                public void onFailure(Throwable t) {
                    failures.incrementAndGet();
                    window.release();
                    done.countDown();
                }
            }, MoreExecutors.directExecutor());
        }
        done.await();
        assertThat(failures.get()).as("failed creates").isZero();
        return latencies;
    }
}
