package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.LoopDevice;
import io.csi4j.ports.out.host.LoopDevices;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake loop devices {@code /dev/loopN} over image files. As on Linux, detaching a device that is still mounted
 * marks it to be cleared when its last mount goes (autoclear).
 */
final class FakeLoopDevices implements LoopDevices {

    private static final Pattern LOOP = Pattern.compile("/dev/loop(\\d+)");

    private final FakeKernel kernel;
    private final FakeConfinement confinement;

    FakeLoopDevices(FakeKernel kernel, FakeConfinement confinement) {
        this.kernel = kernel;
        this.confinement = confinement;
    }

    @Override
    public Either<Failure, List<LoopDevice>> list() {
        return kernel.locked(() -> Either.right(loops().stream().map(d -> new LoopDevice(d.node, d.backingFile))
                .toList()));
    }

    @Override
    public Either<Failure, Optional<Path>> find(Path file) {
        return kernel.locked(() -> confinement.locate("file", file, true).map(at -> deviceFor(at.canonical())));
    }

    @Override
    public Either<Failure, Path> attach(Path file, boolean readOnly) {
        return kernel.locked(() -> confinement.locate("file", file, true).flatMap(at -> {
            if (at.absent()) {
                return Either.left(Failure.notFound("image file " + at.canonical() + " does not exist"));
            }
            if (!(at.node() instanceof FakeNode.File image)) {
                return Either.left(Failure.invalidArgument("image " + at.canonical() + " is not a regular file"));
            }
            Optional<Path> existing = deviceFor(at.canonical());
            if (existing.isPresent()) {
                boolean isReadOnly = kernel.disks.get(existing.get()).readOnly;
                return isReadOnly == readOnly ? Either.right(existing.get()) : Either.left(Failure.alreadyExists(
                        existing.get() + " is already attached " + (isReadOnly ? "read-only" : "read-write")));
            }
            return Either.right(attachNew(at.canonical(), image.data(), readOnly));
        }));
    }

    @Override
    public Either<Failure, Path> attachReadOnlyView(Path blockDevice) {
        return kernel.locked(() -> {
            if (blockDevice == null || !blockDevice.normalize().startsWith(FakeKernel.DEV)) {
                return Either.left(Failure.invalidArgument("not a device node under /dev: " + blockDevice));
            }
            return FakeBlockDevices.disk(kernel, blockDevice).flatMap(lower -> {
                if (lower.readOnly) {
                    return Either.right(lower.node);
                }
                Optional<Path> existing = viewsOf(lower).stream().findFirst();
                if (existing.isPresent()) {
                    return Either.right(existing.get());
                }
                Path node = attachNew(lower.node, lower.data, true);
                FakeDisk view = kernel.disks.get(node);
                view.lower = lower;
                view.size = lower.size;
                return Either.right(node);
            });
        });
    }

    @Override
    public Either<Failure, List<Path>> views(Path blockDevice) {
        return kernel.locked(() -> {
            if (blockDevice == null || !blockDevice.normalize().startsWith(FakeKernel.DEV)) {
                return Either.right(List.of());
            }
            var lower = FakeBlockDevices.disk(kernel, blockDevice);
            return Either.right(lower.isLeft() ? List.of() : viewsOf(lower.get()));
        });
    }

    private List<Path> viewsOf(FakeDisk lower) {
        return loops().stream().filter(d -> d.lower == lower && d.readOnly).map(d -> d.node).toList();
    }

    @Override
    public Either<Failure, Done> refreshCapacity(Path device) {
        return kernel.locked(() -> loopNumber(device).flatMap(n -> {
            FakeDisk disk = kernel.disks.get(device);
            if (disk == null) {
                return Either.left(Failure.notFound(device + " is not attached"));
            }
            disk.size = disk.lower != null ? disk.lower.size : disk.data.size;
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public Either<Failure, Done> detach(Path device) {
        return kernel.locked(() -> loopNumber(device).map(n -> {
            FakeDisk disk = kernel.disks.get(device);
            if (disk != null) {
                disk.autoclear = true;
                clearUnused(kernel);
            }
            return Done.DONE;
        }));
    }

    /**
     * Removes loop devices marked autoclear that no mount and no other loop device (a view backed by it) uses any
     * more; a removed view may free the device below it.
     */
    static void clearUnused(FakeKernel kernel) {
        while (true) {
            List<FakeDisk> unused = kernel.disks.values().stream()
                    .filter(d -> d.autoclear
                            && kernel.mounts.stream().noneMatch(m -> m.source.equals(d.node.toString()))
                            && kernel.disks.values().stream().noneMatch(o -> o.lower == d))
                    .toList();
            if (unused.isEmpty()) {
                return;
            }
            for (FakeDisk disk : unused) {
                kernel.disks.remove(disk.node);
                kernel.devMount().fs.nodes.remove("/" + disk.node.getFileName());
            }
        }
    }

    private Path attachNew(Path file, FakeData data, boolean readOnly) {
        int number = 0;
        while (kernel.disks.containsKey(FakeKernel.DEV.resolve("loop" + number))) {
            number++;
        }
        Path node = FakeKernel.DEV.resolve("loop" + number);
        FakeDisk disk = new FakeDisk(node, "7:" + number, data, file);
        disk.readOnly = readOnly;
        kernel.disks.put(node, disk);
        kernel.devMount().fs.nodes.put("/loop" + number, new FakeNode.Device(disk));
        return node;
    }

    private Optional<Path> deviceFor(Path file) {
        return loops().stream().filter(d -> file.equals(d.backingFile)).map(d -> d.node).findFirst();
    }

    private List<FakeDisk> loops() {
        return kernel.disks.values().stream().filter(d -> d.backingFile != null)
                .sorted((a, b) -> Integer.compare(number(a.node), number(b.node))).toList();
    }

    private static int number(Path node) {
        Matcher m = LOOP.matcher(node.toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static Either<Failure, Integer> loopNumber(Path device) {
        Matcher m = device == null ? null : LOOP.matcher(device.toString());
        return m != null && m.matches() ? Either.right(Integer.parseInt(m.group(1)))
                : Either.left(Failure.invalidArgument("not a loop device path: " + device));
    }
}
