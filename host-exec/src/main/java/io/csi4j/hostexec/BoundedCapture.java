package io.csi4j.hostexec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process output stream on its own small daemon thread, keeping only the first {@code limit} bytes
 * (draining the rest, so a chatty tool never blocks on a full pipe).
 */
public final class BoundedCapture implements Runnable {

    private static final long STACK_BYTES = 128 * 1024;

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean truncated;
    private Thread thread;

    private BoundedCapture(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    public static BoundedCapture start(InputStream in, int limit) {
        BoundedCapture capture = new BoundedCapture(in, limit);
        capture.thread = Thread.ofPlatform().daemon().name("csi4j-output").stackSize(STACK_BYTES).start(capture);
        return capture;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                keep(buffer, n);
            }
        } catch (IOException ignored) {
            // The stream closes when the process is killed; what was read so far is kept.
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        int take = Math.max(0, Math.min(limit - kept.size(), n));
        kept.write(buffer, 0, take);
        truncated |= take < n;
    }

    /**
     * What was captured, after waiting up to {@code graceMillis} for the stream to end (a grandchild that
     * inherited the pipe may keep it open after the process exits).
     */
    public String awaitText(long graceMillis) {
        try {
            thread.join(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            String text = kept.toString(StandardCharsets.UTF_8);
            return truncated ? text + "...(truncated)" : text;
        }
    }
}
