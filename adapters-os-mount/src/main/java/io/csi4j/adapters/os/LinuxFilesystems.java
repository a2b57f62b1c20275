package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.ports.out.host.Filesystems;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Filesystems through blkid, mkfs, e2fsck, resize2fs and xfs_growfs. Formatting happens only after a probe
 * found the device blank: a filesystem, partition table or any other signature makes it FailedPrecondition,
 * so an existing volume is never overwritten.
 */
final class LinuxFilesystems implements Filesystems {

    private final HostCommands commands;
    private final BlkidProbe blkid;
    private final SysfsBlockDevices blockDevices;
    private final Confinement confinement;
    private final ProcMountTable table;
    private final Duration timeout;

    LinuxFilesystems(HostCommands commands, SysfsBlockDevices blockDevices, Confinement confinement,
            ProcMountTable table, Duration timeout) {
        this.commands = commands;
        this.blkid = new BlkidProbe(commands, timeout);
        this.blockDevices = blockDevices;
        this.confinement = confinement;
        this.table = table;
        this.timeout = timeout;
    }

    @Override
    public Set<String> supported() {
        return Arrays.stream(FsTools.values()).filter(this::installed).map(FsTools::type)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Either<Failure, Optional<String>> probe(Path device) {
        return withMedia(device).flatMap(ok -> blkid.probe(device.toString()));
    }

    @Override
    public Either<Failure, Done> format(Path device, String fsType) {
        return tools(fsType).flatMap(tools -> probe(device).flatMap(content -> {
            if (content.isPresent()) {
                return Either.left(Failure.precondition(device + " already holds " + content.get()
                        + "; refusing to format it as " + fsType));
            }
            List<String> args = new ArrayList<>(tools.mkfs().subList(1, tools.mkfs().size()));
            args.addAll(List.of("--", device.toString()));
            return commands.runOk(timeout, List.of(), tools.mkfsProgram(), args.toArray(String[]::new))
                    .map(result -> Done.DONE);
        }));
    }

    @Override
    public Either<Failure, Done> check(Path device, String fsType) {
        return tools(fsType).flatMap(tools -> withMedia(device).flatMap(ok -> tools.checkedWithE2fsck()
                ? e2fsck(device)
                : Either.right(Done.DONE)));
    }

    @Override
    public Either<Failure, Done> grow(Path device, Path mountPoint, String fsType) {
        return tools(fsType).flatMap(tools -> withMedia(device).flatMap(ok ->
                confinement.canonical("mount point", mountPoint, true).flatMap(canonical ->
                        table.at(canonical).flatMap(mount -> {
                            if (mount.isEmpty()) {
                                return Either.left(Failure.precondition("nothing is mounted at " + canonical
                                        + "; online grow needs the mounted filesystem"));
                            }
                            String target = tools.growsByMountPoint() ? canonical.toString() : device.toString();
                            return commands.runOk(timeout, List.of(), tools.growProgram(), "--", target)
                                    .map(result -> Done.DONE);
                        }))));
    }

    /**
     * e2fsck -p (preen) exit codes: 0 clean, 1 errors fixed, 2 fixed and "reboot" (only meaningful for the
     * root filesystem), 4 errors left, 8 operational error (not an ext filesystem, or in use), 32 cancelled.
     */
    private Either<Failure, Done> e2fsck(Path device) {
        return commands.run(timeout, List.of(), "e2fsck", "-p", "--", device.toString()).flatMap(result ->
                switch (result.exitCode()) {
                    case 0, 1, 2 -> Either.right(Done.DONE);
                    case 4, 8 -> Either.left(Failure.precondition(result.describeFailure()));
                    case 32 -> Either.left(Failure.unavailable(result.describeFailure()));
                    default -> Either.left(Failure.defect(result.describeFailure()));
                });
    }

    /**
     * A block device with a size: blkid answers "nothing found" for an empty or unreadable one too. Bounded,
     * because a caller could name a device path through a dead mount.
     */
    private Either<Failure, Done> withMedia(Path device) {
        return confinement.bounded("inspect " + device, () -> blockDevices.size(device)).flatMap(size -> size > 0
                ? Either.right(Done.DONE)
                : Either.left(Failure.precondition(device + " has no media (size 0)")));
    }

    private Either<Failure, FsTools> tools(String fsType) {
        return FsTools.of(fsType).filter(this::installed).<Either<Failure, FsTools>>map(Either::right)
                .orElseGet(() -> Either.left(Failure.invalidArgument("filesystem type " + fsType
                        + " is not supported on this node; supported: " + supported())));
    }

    private boolean installed(FsTools tools) {
        return commands.installed(tools.mkfsProgram()) && commands.installed(tools.growProgram())
                && (!tools.checkedWithE2fsck() || commands.installed("e2fsck"));
    }
}
