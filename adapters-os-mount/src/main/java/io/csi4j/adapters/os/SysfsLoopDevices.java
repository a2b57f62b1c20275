package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.ports.out.host.LoopDevice;
import io.csi4j.ports.out.host.LoopDevices;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loop devices: the list from sysfs, changes through losetup(8). Attaching is idempotent and safe against a
 * concurrent attach of the same file (by this or another process): afterwards the lowest-numbered device
 * backed by the file wins and the loser detaches only the device it attached itself.
 */
final class SysfsLoopDevices implements LoopDevices {

    /**
     * Long enough for a just-unmounted XFS to let go on a node that is busy (3 s was seen to run out with the load
     * average at 50 on 2 cores), short next to kubelet's NodeUnstage timeout; only a device still held waits.
     */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(10);

    private final LoopSysfs sysfs;
    private final HostCommands commands;
    private final Confinement confinement;
    private final Duration timeout;

    SysfsLoopDevices(LoopSysfs sysfs, HostCommands commands, Confinement confinement, Duration timeout) {
        this.sysfs = sysfs;
        this.commands = commands;
        this.confinement = confinement;
        this.timeout = timeout;
    }

    @Override
    public Either<Failure, List<LoopDevice>> list() {
        return sysfs.attached().map(all -> all.stream().map(a -> new LoopDevice(a.device(), a.backingFile())).toList());
    }

    @Override
    public Either<Failure, Optional<Path>> find(Path file) {
        return confinement.canonical("file", file, true).flatMap(this::deviceFor);
    }

    @Override
    public Either<Failure, Path> attach(Path file, boolean readOnly) {
        return confinement.canonical("file", file, true).flatMap(canonical -> requireRegularFile(canonical)
                .flatMap(ok -> deviceFor(canonical))
                .flatMap(existing -> existing.isPresent() ? sameMode(existing.get(), readOnly)
                        : attachNew(canonical, readOnly)));
    }

    private Either<Failure, Path> sameMode(Path device, boolean readOnly) {
        boolean isReadOnly = loopNumber(device).map(sysfs::isReadOnly).getOrElse(false);
        return isReadOnly == readOnly ? Either.right(device) : Either.left(Failure.alreadyExists(device
                + " is already attached " + (isReadOnly ? "read-only" : "read-write") + " to that file"));
    }

    /**
     * The view is found from sysfs, never remembered: a read-only loop device whose backing file is a device node
     * with the same device number. Concurrent attaches end, as for images, with the lowest-numbered view.
     */
    @Override
    public Either<Failure, Path> attachReadOnlyView(Path blockDevice) {
        return deviceNode(blockDevice).flatMap(node -> {
            if (sysfs.isReadOnly(node.getFileName().toString())) {
                return Either.right(node);
            }
            return viewsOf(node).flatMap(existing -> existing.isEmpty() ? attachView(node)
                    : Either.right(existing.getFirst()));
        });
    }

    @Override
    public Either<Failure, List<Path>> views(Path blockDevice) {
        if (blockDevice == null || !blockDevice.isAbsolute() || !blockDevice.normalize().startsWith(devDir())) {
            return Either.right(List.of());
        }
        return deviceNode(blockDevice).fold(failure -> failure instanceof Failure.NotFound
                || failure instanceof Failure.InvalidArgument ? Either.right(List.of()) : Either.left(failure),
                this::viewsOf);
    }

    private Either<Failure, Path> attachView(Path node) {
        return commands.runOk(timeout, List.of(), "losetup", "--find", "--show", "--read-only", "--direct-io=off",
                "--", node.toString()).flatMap(result -> {
                    Path mine = Path.of(result.stdout().strip());
                    return viewsOf(node).flatMap(all -> {
                        Path winner = all.isEmpty() ? mine : all.getFirst();
                        return winner.equals(mine) ? Either.right(mine) : losetupDetach(mine).map(done -> winner);
                    });
                });
    }

    /** Read-only loop devices whose backing file is a device node under /dev with {@code node}'s device number. */
    private Either<Failure, List<Path>> viewsOf(Path node) {
        Optional<Long> number = rdev(node);
        if (number.isEmpty()) {
            return Either.right(List.of());
        }
        return sysfs.attached().map(all -> all.stream()
                .filter(a -> !a.deleted() && a.backingFile().startsWith(devDir()) && sysfs.isReadOnly(a.number())
                        && rdev(a.backingFile()).equals(number))
                .map(LoopSysfs.Attached::device).toList());
    }

    /** The real path of the block device node {@code device} leads to, which must lie under /dev. */
    private Either<Failure, Path> deviceNode(Path device) {
        if (device == null || !device.isAbsolute() || !device.normalize().startsWith(devDir())) {
            return Either.left(Failure.invalidArgument("not a device node under " + devDir() + ": " + device));
        }
        try {
            Path real = device.toRealPath();
            if (!real.startsWith(devDir()) || rdev(real).isEmpty()) {
                return Either.left(Failure.invalidArgument(device + " is not a block device under " + devDir()));
            }
            return Either.right(real);
        } catch (NoSuchFileException e) {
            return Either.left(Failure.notFound("no block device at " + device));
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot resolve " + device + ": " + e.getMessage()));
        }
    }

    /** The device number of a block device node (devtmpfs: never blocks); empty for anything else. */
    private static Optional<Long> rdev(Path node) {
        try {
            Map<String, Object> attributes = Files.readAttributes(node, "unix:mode,rdev");
            return (((Integer) attributes.get("mode")) & SysfsBlockDevices.S_IFMT) == SysfsBlockDevices.S_IFBLK
                    ? Optional.of((Long) attributes.get("rdev")) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Path devDir() {
        return sysfs.device(0).getParent();
    }

    @Override
    public Either<Failure, Done> refreshCapacity(Path device) {
        return loopNumber(device).flatMap(n -> sysfs.attached(n)
                .map(attached -> revalidate(attached).flatMap(ok -> commands.runOk(timeout, List.of(), "losetup",
                        "--set-capacity", device.toString())).map(r -> Done.DONE))
                .orElseGet(() -> Either.left(Failure.notFound(device + " is not attached"))));
    }

    /**
     * {@code losetup --set-capacity} makes the kernel take the size it holds for the backing file, which on NFS is
     * the client's cached attribute: an image grown on the server (by the controller) still looks its old size
     * until that cache expires, and the device would not grow. Opening the file makes the NFS client fetch its
     * attributes (close-to-open consistency); on a local filesystem it costs nothing. A file that cannot be opened
     * is left to losetup, as before.
     */
    private Either<Failure, Done> revalidate(LoopSysfs.Attached attached) {
        if (attached.deleted()) {
            return Either.right(Done.DONE);
        }
        return confinement.bounded("open " + attached.backingFile(), () -> {
            try (FileChannel ignored = FileChannel.open(attached.backingFile(), StandardOpenOption.READ)) {
                return Either.right(Done.DONE);
            } catch (IOException | RuntimeException e) {
                return Either.right(Done.DONE);
            }
        });
    }

    @Override
    public Either<Failure, Done> detach(Path device) {
        return loopNumber(device).flatMap(n -> sysfs.isAttached(n)
                ? losetupDetach(device).flatMap(done -> released(n, device))
                : Either.right(Done.DONE));
    }

    /**
     * The kernel detaches a loop device that something still holds (a filesystem torn down after an error, a tool
     * of a killed plugin still running) only when it is released: losetup succeeds at once and marks the device to
     * be freed. Wait, boundedly, for that, so the caller's "detached" is normally already true; a device still held
     * afterwards is freed by the kernel when its last user lets go, so nothing leaks either way.
     */
    private Either<Failure, Done> released(int number, Path device) {
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        while (sysfs.isAttached(number) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Either.right(Done.DONE);
    }

    private Either<Failure, Path> attachNew(Path file, boolean readOnly) {
        // Direct I/O stays off (losetup's default, stated so it cannot drift): images sit on NFS or local
        // filesystems where buffered I/O is what works everywhere. No --sector-size: the default 512-byte
        // logical sectors are what an image formatted elsewhere expects.
        String[] args = readOnly
                ? new String[] {"--find", "--show", "--direct-io=off", "--read-only", "--", file.toString()}
                : new String[] {"--find", "--show", "--direct-io=off", "--", file.toString()};
        return commands.runOk(timeout, List.of(), "losetup", args)
                .flatMap(result -> {
                    Path mine = Path.of(result.stdout().strip());
                    return sysfs.attached().flatMap(all -> {
                        Path winner = all.stream().filter(a -> !a.deleted() && a.backingFile().equals(file))
                                .map(LoopSysfs.Attached::device).findFirst().orElse(mine);
                        if (winner.equals(mine)) {
                            return Either.right(mine);
                        }
                        return losetupDetach(mine).map(done -> winner);
                    });
                });
    }

    private Either<Failure, Optional<Path>> deviceFor(Path canonical) {
        return sysfs.attached().map(all -> all.stream().filter(a -> !a.deleted() && a.backingFile().equals(canonical))
                .map(LoopSysfs.Attached::device).findFirst());
    }

    private Either<Failure, Done> requireRegularFile(Path file) {
        return confinement.bounded("inspect " + file, () -> {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Either.left(Failure.notFound("image file " + file + " does not exist"));
            }
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Either.right(Done.DONE)
                    : Either.left(Failure.invalidArgument("image " + file + " is not a regular file"));
        });
    }

    private Either<Failure, Done> losetupDetach(Path device) {
        return commands.run(timeout, List.of(), "losetup", "--detach", device.toString()).flatMap(result -> {
            if (result.succeeded() || result.diagnostics().contains("No such device")) {
                return Either.right(Done.DONE);
            }
            return Either.left(ToolErrors.classify(result));
        });
    }

    private Either<Failure, Integer> loopNumber(Path device) {
        return sysfs.number(device).<Either<Failure, Integer>>map(Either::right)
                .orElseGet(() -> Either.left(Failure.invalidArgument("not a loop device path: " + device)));
    }
}
