package io.csi4j.adapters.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Reads how many bytes a file really occupies on disk (stat's block count), which Java cannot tell. */
final class Allocation {

    private Allocation() {}

    static long allocatedBytes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException("stat did not finish");
            }
            String[] out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
            return Long.parseLong(out[0]) * Long.parseLong(out[1]);
        } finally {
            p.destroyForcibly();
        }
    }
}
