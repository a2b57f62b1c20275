package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.Executables;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.hostexec.ProcessRunner;
import io.csi4j.metrics.CommandRecorder;
import io.csi4j.metrics.Recorders;
import io.csi4j.ports.out.host.BlockDevices;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Filesystems;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.LoopDevices;
import io.csi4j.ports.out.host.MountTable;
import io.csi4j.ports.out.host.Mounter;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Linux host adapter, assembled: one implementation of each host out-port, sharing the mount table, the
 * path confinement and the bounded call runner. Create one per process.
 */
public final class LinuxHost {

    private final ProcMountTable mountTable;
    private final LinuxMounter mounter;
    private final SysfsLoopDevices loopDevices;
    private final LinuxFilesystems filesystems;
    private final SysfsBlockDevices blockDevices;
    private final StatfsStats stats;
    private final ConfinedHostPaths paths;
    private final BlockingCalls calls;

    private LinuxHost(HostConfig config, List<PathGuard.Root> roots, CommandRecorder metrics) {
        this.mountTable = new ProcMountTable(ProcMountTable.MOUNTINFO, p -> PathGuard.realRootPrefix(roots, p));
        this.calls = new BlockingCalls(config.maxStuckCalls());
        Confinement confinement = new Confinement(new PathGuard(roots, mountTable::targets), calls,
                config.statTimeout());
        HostCommands commands = new HostCommands(new ProcessRunner(), Executables.fromEnvironment(),
                ToolErrors::classify, metrics);
        this.blockDevices = new SysfsBlockDevices(Path.of("/sys/dev/block"));
        this.mounter = new LinuxMounter(commands, confinement, mountTable, blockDevices, config.mountTimeout(),
                Path.of(System.getProperty("java.io.tmpdir")));
        this.loopDevices = new SysfsLoopDevices(new LoopSysfs(Path.of("/sys/block"), Path.of("/dev")), commands,
                confinement, config.commandTimeout());
        this.filesystems = new LinuxFilesystems(commands, blockDevices, confinement, mountTable,
                config.commandTimeout());
        this.stats = new StatfsStats(commands, confinement, config.statTimeout());
        this.paths = new ConfinedHostPaths(confinement, commands, config.commandTimeout());
    }

    /**
     * The adapter for {@code config}; InvalidArgument when an allowed root does not exist or is not a
     * directory (roots are resolved once, here, so a symlinked kubelet directory works).
     */
    public static Either<Failure, LinuxHost> create(HostConfig config) {
        return create(config, Recorders.none().commands());
    }

    /** Like {@link #create(HostConfig)}, recording every host command run into {@code metrics}. */
    public static Either<Failure, LinuxHost> create(HostConfig config, CommandRecorder metrics) {
        List<PathGuard.Root> roots = new ArrayList<>();
        for (Path root : config.allowedRoots()) {
            if (!Files.isDirectory(root)) {
                return Either.left(Failure.invalidArgument("allowed root " + root + " is not an existing directory"));
            }
            try {
                roots.add(new PathGuard.Root(root, root.toRealPath()));
            } catch (IOException e) {
                return Either.left(Failure.invalidArgument("cannot resolve allowed root " + root + ": "
                        + e.getMessage()));
            }
        }
        return Either.right(new LinuxHost(config, roots, metrics));
    }

    public MountTable mountTable() {
        return mountTable;
    }

    public Mounter mounter() {
        return mounter;
    }

    public LoopDevices loopDevices() {
        return loopDevices;
    }

    public Filesystems filesystems() {
        return filesystems;
    }

    public BlockDevices blockDevices() {
        return blockDevices;
    }

    public FilesystemStats stats() {
        return stats;
    }

    public HostPaths paths() {
        return paths;
    }

    /** File-system calls running or blocked now; a number that stays up means a dead mount (for health). */
    public int blockedCalls() {
        return calls.inFlight();
    }
}
