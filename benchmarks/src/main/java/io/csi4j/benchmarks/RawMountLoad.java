package io.csi4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same mounts as {@link NodeCycleLoad} without the driver: per cycle, attach the image to a loop device (image
 * kind), mount it (or bind the directory) at a staging directory, bind that onto a target, then unmount both and
 * detach — the same commands (mount(8), umount, losetup) the host adapter runs. Needs root.
 */
public final class RawMountLoad {

    private RawMountLoad() {}

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(a.get("dir", "/var/tmp/csi4j-bench"))), "rawmount");
        String kind = a.get("kind", "directory");
        int workers = a.integer("workers", 16);
        int cycles = a.integer("cycles", 1000);
        List<Path> data = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Path d = dir.resolve("w" + w);
            Files.createDirectories(d.resolve("staging"));
            Files.createDirectories(d.resolve("target"));
            if (kind.equals("image")) {
                Path img = d.resolve("image");
                run("truncate", "-s", "64M", img.toString());
                run("mkfs.ext4", "-q", "-F", img.toString());
                data.add(img);
            } else {
                data.add(Files.createDirectories(d.resolve("data")));
            }
        }
        ControllerLoad.run(workers, 5, workers * 3L, (w, i) -> cycle(kind, data.get(w)));
        long begin = System.nanoTime();
        Latencies lat = ControllerLoad.run(workers, 600, cycles, (w, i) -> cycle(kind, data.get(w)));
        double elapsed = (System.nanoTime() - begin) / 1e9;
        System.out.printf("raw kind=%s workers=%d cycles=%d elapsed_s=%.1f cycles_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                kind, workers, lat.count(), elapsed, lat.count() / elapsed, lat.millis(0.50), lat.millis(0.99));
    }

    private static void cycle(String kind, Path data) throws IOException, InterruptedException {
        Path staging = data.getParent().resolve("staging");
        Path target = data.getParent().resolve("target");
        String device = null;
        if (kind.equals("image")) {
            device = run("losetup", "--find", "--show", data.toString()).trim();
            run("mount", "-t", "ext4", device, staging.toString());
        } else {
            run("mount", "--bind", data.toString(), staging.toString());
        }
        run("mount", "--bind", staging.toString(), target.toString());
        run("umount", target.toString());
        run("umount", staging.toString());
        if (device != null) {
            run("losetup", "--detach", device);
        }
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }
}
