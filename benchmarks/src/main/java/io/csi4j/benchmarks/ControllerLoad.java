package io.csi4j.benchmarks;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CreateVolume+DeleteVolume pairs over the driver's real unix socket from many concurrent clients, the way the
 * external-provisioner drives a controller: pairs/s, pair latency p50/p99, driver RSS, time to socket ready.
 * Optionally with thousands of existing volumes (to show the cost does not grow with them).
 *
 * <pre>java -cp ... io.csi4j.benchmarks.ControllerLoad --jar bootstrap/target/csi4j.jar --dir /var/tmp/b
 *     --clients 100 --seconds 20 --warmup 5 --prefill 10000</pre>
 */
public final class ControllerLoad {

    private static final VolumeCapability RWO = VolumeCapability.newBuilder()
            .setMount(VolumeCapability.MountVolume.getDefaultInstance())
            .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                    .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER))
            .build();

    private ControllerLoad() {}

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path dir = Path.of(a.get("dir", "/var/tmp/csi4j-bench"));
        Files.createDirectories(dir);
        int clients = a.integer("clients", 100);
        int seconds = a.integer("seconds", 20);
        int warmup = a.integer("warmup", 5);
        int prefill = a.integer("prefill", 0);
        List<String> jvm = Arrays.asList(a.get("jvm", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k").split(" "));
        Path root = Files.createTempDirectory(dir, "root");
        try (Driver driver = Driver.start(Path.of(a.get("jar", "bootstrap/target/csi4j.jar")), dir, jvm,
                "--mode", "controller", "--local-root", root.toString(), "--node-id", "bench")) {
            var stub = ControllerGrpc.newBlockingStub(driver.channel());
            System.out.printf("ready_ms=%d %s%n", driver.readyMillis, Process2.memory(driver.pid()));
            if (prefill > 0) {
                long t = System.nanoTime();
                run(clients, Integer.MAX_VALUE, prefill, (c, i) -> stub.createVolume(create("prefill-" + c + "-" + i)));
                System.out.printf("prefilled=%d in %.1f s%n", prefill, (System.nanoTime() - t) / 1e9);
            }
            run(clients, warmup, Long.MAX_VALUE, (c, i) -> pair(stub, "warm-" + c + "-" + i));
            long begin = System.nanoTime();
            Latencies lat = run(clients, seconds, Long.MAX_VALUE, (c, i) -> pair(stub, "b-" + c + "-" + i));
            double elapsed = (System.nanoTime() - begin) / 1e9;
            System.out.printf("clients=%d prefill=%d pairs=%d elapsed_s=%.1f pairs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f %s%n",
                    clients, prefill, lat.count(), elapsed, lat.count() / elapsed, lat.millis(0.50), lat.millis(0.99),
                    Process2.memory(driver.pid()));
        }
    }

    private static CreateVolumeRequest create(String name) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(RWO)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(1 << 20)).build();
    }

    private static void pair(ControllerGrpc.ControllerBlockingStub stub, String name) {
        String id = stub.withDeadlineAfter(60, TimeUnit.SECONDS).createVolume(create(name)).getVolume().getVolumeId();
        stub.withDeadlineAfter(60, TimeUnit.SECONDS).deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());
    }

    /** One unit of work for client {@code c}, its {@code i}-th. */
    interface Work {
        void run(int c, long i) throws Exception;
    }

    /** Runs until {@code seconds} pass or {@code total} units are done across all clients; records each unit's time. */
    static Latencies run(int clients, int seconds, long total, Work work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong issued = new AtomicLong();
        List<Latencies> parts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong errors = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            parts.add(mine);
            int client = c;
            pool.execute(() -> {
                try {
                    long i = 0;
                    while (!stop.get() && issued.getAndIncrement() < total) {
                        long t = System.nanoTime();
                        try {
                            work.run(client, i++);
                            mine.record(System.nanoTime() - t);
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("error: " + e);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(seconds, TimeUnit.SECONDS)) {
            stop.set(true);
            done.await();
        }
        pool.shutdown();
        if (errors.get() > 0) {
            System.err.println("errors=" + errors.get());
        }
        return Latencies.merge(parts);
    }
}
