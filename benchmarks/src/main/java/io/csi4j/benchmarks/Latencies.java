package io.csi4j.benchmarks;

import java.util.Arrays;

/** Latencies of one run, recorded without locks (one recorder per worker) and merged at the end. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void record(long nanosTaken) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = nanosTaken;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.count; i++) {
                all.record(p.nanos[i]);
            }
        }
        Arrays.sort(all.nanos, 0, all.count);
        return all;
    }

    int count() {
        return count;
    }

    /** The q-quantile in milliseconds (the merged, sorted instance only). */
    double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        int i = Math.min(count - 1, (int) Math.ceil(q * count) - 1);
        return nanos[Math.max(0, i)] / 1e6;
    }
}
