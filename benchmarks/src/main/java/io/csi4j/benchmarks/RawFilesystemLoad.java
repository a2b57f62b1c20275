package io.csi4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw filesystem limit for what a local CreateVolume+DeleteVolume pair must do durably, measured the same way
 * as {@link ControllerLoad} (same concurrency, same duration) but without gRPC or the driver: per pair, mkdir a
 * volume directory and its data directory, write and force a small metadata record, force the volume directory and
 * its parent; then remove the record, the data directory and the volume directory, and force the parent.
 */
public final class RawFilesystemLoad {

    private RawFilesystemLoad() {}

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path dir = Path.of(a.get("dir", "/var/tmp/csi4j-bench"));
        int clients = a.integer("clients", 100);
        int seconds = a.integer("seconds", 20);
        int warmup = a.integer("warmup", 5);
        int prefill = a.integer("prefill", 0);
        Path volumes = Files.createTempDirectory(Files.createDirectories(dir), "raw").resolve("volumes");
        Files.createDirectories(volumes);
        if (prefill > 0) {
            ControllerLoad.run(clients, Integer.MAX_VALUE, prefill, (c, i) -> create(volumes, "prefill-" + c + "-" + i));
        }
        ControllerLoad.run(clients, warmup, Long.MAX_VALUE, (c, i) -> pair(volumes, "warm-" + c + "-" + i));
        long begin = System.nanoTime();
        Latencies lat = ControllerLoad.run(clients, seconds, Long.MAX_VALUE, (c, i) -> pair(volumes, "b-" + c + "-" + i));
        double elapsed = (System.nanoTime() - begin) / 1e9;
        System.out.printf("raw clients=%d prefill=%d pairs=%d elapsed_s=%.1f pairs_per_s=%.0f p50_ms=%.2f p99_ms=%.2f%n",
                clients, prefill, lat.count(), elapsed, lat.count() / elapsed, lat.millis(0.50), lat.millis(0.99));
    }

    private static void pair(Path volumes, String name) throws IOException {
        Path slot = create(volumes, name);
        delete(volumes, slot);
    }

    private static Path create(Path volumes, String name) throws IOException {
        Path slot = volumes.resolve(name);
        Files.createDirectory(slot);
        Files.createDirectory(slot.resolve("data"));
        try (FileChannel ch = FileChannel.open(slot.resolve("record"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(("version=1\nname=" + name + "\nsize=1048576\nkind=directory\nend=0\n")
                    .getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        force(slot);
        force(volumes);
        return slot;
    }

    private static void delete(Path volumes, Path slot) throws IOException {
        Files.delete(slot.resolve("record"));
        Files.delete(slot.resolve("data"));
        Files.delete(slot);
        force(volumes);
    }

    private static void force(Path directory) throws IOException {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
