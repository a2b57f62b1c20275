package io.csi4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what the kernel says of a process: resident and peak memory. */
final class Process2 {

    private Process2() {}

    /** VmRSS and VmHWM in MiB, from /proc/PID/status. */
    static String memory(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return "rss_mib=" + mib(status, "VmRSS:") + " hwm_mib=" + mib(status, "VmHWM:");
        } catch (IOException e) {
            return "rss=unknown";
        }
    }

    static double rssMib(long pid) {
        try {
            return mib(Files.readString(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double mib(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return Math.round(Long.parseLong(parts[0]) / 1024.0 * 10) / 10.0;
            }
        }
        return Double.NaN;
    }
}
