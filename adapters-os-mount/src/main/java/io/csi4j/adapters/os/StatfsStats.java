package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Usage;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * statfs through {@code stat -f}, a child process killed at the stat timeout: statfs on a dead NFS mount
 * blocks in a killable wait, so no JVM thread is left stuck (a native statvfs binding would leave one).
 */
final class StatfsStats implements FilesystemStats {

    /** Fundamental block size, total, free and available blocks, total and free inodes. */
    private static final String FORMAT = "%S %b %f %a %c %d";

    private final HostCommands commands;
    private final Confinement confinement;
    private final Duration timeout;

    StatfsStats(HostCommands commands, Confinement confinement, Duration timeout) {
        this.commands = commands;
        this.confinement = confinement;
        this.timeout = timeout;
    }

    @Override
    public Either<Failure, Usage> usage(Path path) {
        return confinement.canonical("path", path, true).flatMap(canonical ->
                commands.runOk(timeout, List.of(), "stat", "--file-system", "--format=" + FORMAT, "--",
                        canonical.toString()).flatMap(result -> parse(canonical, result.stdout())));
    }

    static Either<Failure, Usage> parse(Path path, String output) {
        String[] fields = output.strip().split("\\s+");
        if (fields.length != 6) {
            return Either.left(Failure.defect("unexpected stat -f output for " + path + ": " + output.strip()));
        }
        try {
            long blockSize = Long.parseLong(fields[0]);
            long blocks = Long.parseLong(fields[1]);
            long free = Long.parseLong(fields[2]);
            long available = Long.parseLong(fields[3]);
            long inodes = Long.parseLong(fields[4]);
            long freeInodes = Long.parseLong(fields[5]);
            // Used counts what is allocated (blocks - free), as df and kubelet do; available is what an
            // unprivileged writer may still use (excludes ext4's reserved blocks).
            return Either.right(new Usage(blocks * blockSize, (blocks - free) * blockSize, available * blockSize,
                    inodes, inodes - freeInodes, freeInodes));
        } catch (NumberFormatException e) {
            return Either.left(Failure.defect("unexpected stat -f output for " + path + ": " + output.strip()));
        }
    }
}
