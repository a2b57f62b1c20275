package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.Filesystems;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Fake filesystems on fake disks. Formats only blank disks; xfs needs 300 MiB as mkfs.xfs does; xfs is never
 * checked (the real adapter leaves that to log replay at mount); grow needs the filesystem mounted.
 */
final class FakeFilesystems implements Filesystems {

    private static final long XFS_MINIMUM = 300L << 20;

    private final FakeKernel kernel;
    private final FakeConfinement confinement;
    private final Set<String> supported;

    FakeFilesystems(FakeKernel kernel, FakeConfinement confinement, Set<String> supported) {
        this.kernel = kernel;
        this.confinement = confinement;
        this.supported = Set.copyOf(supported);
    }

    @Override
    public Set<String> supported() {
        return supported;
    }

    @Override
    public Either<Failure, Optional<String>> probe(Path device) {
        return kernel.locked(() -> disk(device).map(FakeFilesystems::content));
    }

    @Override
    public Either<Failure, Done> format(Path device, String fsType) {
        return kernel.locked(() -> type(fsType).flatMap(type -> disk(device)).flatMap(disk -> {
            Optional<String> content = content(disk);
            if (content.isPresent()) {
                return Either.left(Failure.precondition(device + " already holds " + content.get()
                        + "; refusing to format it as " + fsType));
            }
            if (fsType.equals("xfs") && disk.size < XFS_MINIMUM) {
                return Either.left(Failure.precondition("mkfs.xfs: " + device + " is too small for xfs"));
            }
            disk.data.signature = new FakeFs(disk.majorMinor, fsType, device.toString(), disk.size);
            return Either.right(Done.DONE);
        }));
    }

    @Override
    public Either<Failure, Done> check(Path device, String fsType) {
        return kernel.locked(() -> type(fsType).flatMap(type -> disk(device)).flatMap(disk -> {
            FakeFs fs = disk.data.filesystem();
            if (fsType.equals("xfs") || (fs != null && fs.type.startsWith("ext"))) {
                return Either.right(Done.DONE);
            }
            return Either.left(Failure.precondition("e2fsck: " + device + " holds no ext filesystem"));
        }));
    }

    @Override
    public Either<Failure, Done> grow(Path device, Path mountPoint, String fsType) {
        return kernel.locked(() -> type(fsType).flatMap(type -> disk(device)).flatMap(disk ->
                confinement.locate("mount point", mountPoint, true).flatMap(at -> {
                    if (kernel.topmostAt(at.canonical()).isEmpty()) {
                        return Either.left(Failure.precondition("nothing is mounted at " + at.canonical()));
                    }
                    FakeFs fs = disk.data.filesystem();
                    if (fs == null || !fs.type.equals(fsType)) {
                        return Either.left(Failure.precondition(device + " holds no " + fsType + " filesystem"));
                    }
                    fs.size = Math.max(fs.size, disk.size);
                    return Either.right(Done.DONE);
                })));
    }

    private Either<Failure, String> type(String fsType) {
        return supported.contains(fsType) ? Either.right(fsType)
                : Either.left(Failure.invalidArgument("filesystem type " + fsType + " is not supported"));
    }

    private Either<Failure, FakeDisk> disk(Path device) {
        return FakeBlockDevices.disk(kernel, device).flatMap(disk -> disk.size > 0 ? Either.right(disk)
                : Either.left(Failure.precondition(device + " has no media")));
    }

    private static Optional<String> content(FakeDisk disk) {
        return switch (disk.data.signature) {
            case null -> Optional.empty();
            case FakeFs fs -> Optional.of(fs.type);
            case FakeData.PartitionTable table -> Optional.of(table.type());
        };
    }
}
