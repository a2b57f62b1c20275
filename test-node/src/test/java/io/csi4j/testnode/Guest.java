package io.csi4j.testnode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the guest's kernel and tools report, read through the command channel: the tests' evidence. */
final class Guest {

    /** One line of /proc/self/mountinfo. */
    record Mount(String device, String root, String target, List<String> options, String fsType, String source,
            List<String> superOptions) {

        boolean readOnly() {
            return options.contains("ro");
        }

        boolean hasOption(String option) {
            return options.contains(option) || superOptions.contains(option)
                    || superOptions.stream().anyMatch(o -> o.startsWith(option + "="));
        }
    }

    private final Agent agent;

    Guest(Agent agent) {
        this.agent = agent;
    }

    List<Mount> mounts() {
        List<Mount> out = new ArrayList<>();
        for (String line : agent.must("cat /proc/self/mountinfo").split("\n")) {
            String[] f = line.split(" ");
            int dash = Arrays.asList(f).indexOf("-");
            if (dash < 6) {
                continue;
            }
            out.add(new Mount(f[2], f[3], f[4], List.of(f[5].split(",")), f[dash + 1], f[dash + 2],
                    List.of(f[dash + 3].split(","))));
        }
        return out;
    }

    /** The topmost mount at {@code target}. */
    Optional<Mount> at(String target) {
        return mounts().stream().filter(m -> m.target().equals(target)).reduce((a, b) -> b);
    }

    List<Mount> under(String prefix) {
        return mounts().stream().filter(m -> m.target().startsWith(prefix)).toList();
    }

    /** {@code iscsiadm -m session}, one line per session. */
    List<String> sessions() {
        return lines(agent.run("iscsiadm -m session 2>/dev/null"));
    }

    /** {@code iscsiadm -m node}, one line per node record. */
    List<String> records() {
        return lines(agent.run("iscsiadm -m node 2>/dev/null"));
    }

    /** Loop devices and their backing files. */
    List<String> loops() {
        return lines(agent.run("/usr/sbin/losetup --list --noheadings --output NAME,BACK-FILE"));
    }

    /**
     * Writes {@code mib} MiB of random data to {@code file} with fsync, drops the page cache, reads it back, and
     * returns the checksum of what was read; fails when it differs from what was written.
     */
    String writeAndReadBack(String file, int mib) {
        String written = agent.must("dd if=/dev/urandom of=/tmp/blob bs=1M count=" + mib + " 2>/dev/null && md5sum < /tmp/blob")
                .strip();
        agent.must("dd if=/tmp/blob of=" + file + " bs=1M conv=fsync 2>/dev/null && rm /tmp/blob");
        String read = readBack(file);
        if (!read.equals(written)) {
            throw new AssertionError("read back " + read + " from " + file + ", wrote " + written);
        }
        return read;
    }

    /** Like {@link #writeAndReadBack} for a block device: only the first {@code mib} MiB are read back. */
    String writeAndReadBackDevice(String device, int mib) {
        String written = agent.must("dd if=/dev/urandom of=/tmp/blob bs=1M count=" + mib + " 2>/dev/null && md5sum < /tmp/blob")
                .strip();
        agent.must("dd if=/tmp/blob of=" + device + " bs=1M conv=fsync 2>/dev/null && rm /tmp/blob");
        String read = readBackDevice(device, mib);
        if (!read.equals(written)) {
            throw new AssertionError("read back " + read + " from " + device + ", wrote " + written);
        }
        return read;
    }

    /** The checksum of the first {@code mib} MiB of a block device, read past the page cache. */
    String readBackDevice(String device, int mib) {
        return agent.must("dd if=" + device + " bs=1M count=" + mib + " iflag=direct 2>/dev/null | md5sum").strip();
    }

    /** The checksum of {@code file} read after dropping the page cache (so from the device or server). */
    String readBack(String file) {
        return agent.must("sync && echo 3 > /proc/sys/vm/drop_caches && md5sum < " + file).strip();
    }

    /** The size of the filesystem mounted at {@code path} as {@code statfs} reports it (blocks times block size). */
    long filesystemBytes(String path) {
        String[] f = agent.must("stat -f -c '%b %S' " + path).strip().split(" ");
        return Long.parseLong(f[0]) * Long.parseLong(f[1]);
    }

    Agent.Result run(String command) {
        return agent.run(command);
    }

    String must(String command) {
        return agent.must(command);
    }

    private static List<String> lines(Agent.Result r) {
        return r.output().isBlank() ? List.of() : List.of(r.output().strip().split("\n"));
    }
}
