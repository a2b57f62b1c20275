package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.MountFlags;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.Usage;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a block device where a workload can use it: bound onto a file (block access), or its filesystem — made
 * only on a blank device, checked, grown to fill the device — mounted on a directory (mount access).
 */
final class DeviceMounter {

    /** A filesystem this much smaller than its device is grown at stage (a restore or clone to a larger size). */
    private static final double GROW_THRESHOLD = 1.10;

    private final NodeHost host;

    DeviceMounter(NodeHost host) {
        this.host = host;
    }

    /**
     * Whether the request is already staged: true when the staging mount (or block file) shows {@code device}
     * with the requested read-only flag; AlreadyExists when it shows something else; false when nothing is there.
     */
    Either<Failure, Boolean> alreadyStaged(Stager.Request r, Optional<Path> device) {
        boolean readOnly = r.capability().accessMode().isReadOnly();
        if (r.capability().isBlock()) {
            return host.mountTable().at(r.staging()).flatMap(dirMount -> dirMount.isPresent()
                    ? Either.left(Failure.alreadyExists(r.staging() + " is staged with a filesystem, not as a block device"))
                    : device.isPresent() ? Staged.check(host, r.blockFile(), device.get(), readOnly)
                            : host.mountTable().at(r.blockFile()).flatMap(m -> m.isPresent()
                                    ? Either.left(Failure.alreadyExists(r.blockFile() + " shows another device"))
                                    : Either.right(false)));
        }
        return host.mountTable().at(r.staging()).flatMap(m -> {
            if (m.isEmpty()) {
                return Either.right(false);
            }
            if (device.isEmpty() || !m.get().source().equals(device.get().toString())) {
                return Either.left(Failure.alreadyExists(r.staging() + " already has another volume mounted"));
            }
            if (m.get().isReadOnly() != readOnly) {
                return Either.left(Failure.alreadyExists(r.staging() + " is already mounted "
                        + (readOnly ? "read-write" : "read-only")));
            }
            String fs = r.capability().fsType();
            if (!fs.isEmpty() && !fs.equals(m.get().fsType())) {
                return Either.left(Failure.alreadyExists(r.staging() + " is staged with " + m.get().fsType()
                        + ", not " + fs));
            }
            return Either.right(true);
        });
    }

    Either<Failure, Done> bindBlock(Path device, Path blockFile, boolean readOnly) {
        return host.paths().ensureFile(blockFile).flatMap(ok -> host.mounter().bind(device, blockFile, readOnly));
    }

    Either<Failure, Done> mountFilesystem(Path device, Path staging, VolumeCapability cap, String fsType) {
        boolean readOnly = cap.accessMode().isReadOnly();
        List<String> flags = cap.accessType() instanceof AccessType.Mount m ? m.mountFlags() : List.of();
        return MountFlags.check(flags)
                .flatMap(options -> ensureFilesystem(device, fsType)
                        .flatMap(fs -> checkUnlessMounted(device, fs)
                                .flatMap(ok -> host.mounter().mount(device.toString(), staging, fs, withRo(options, readOnly)))
                                .flatMap(ok -> readOnly ? Either.right(Done.DONE) : growIfSmaller(device, staging, fs))))
                .flatMap(ok -> Groups.share(host, staging, cap, readOnly));
    }

    /** Formats only a blank device (never destroys data); a device holding another filesystem is refused. */
    private Either<Failure, String> ensureFilesystem(Path device, String wanted) {
        if (!host.filesystems().supported().contains(wanted)) {
            return Either.left(Failure.precondition("this node cannot make or mount filesystem '" + wanted + "'"));
        }
        return host.filesystems().probe(device).flatMap(found -> {
            if (found.isEmpty()) {
                return host.filesystems().format(device, wanted).map(ok -> wanted);
            }
            if (!found.get().equals(wanted)) {
                return Either.left(Failure.precondition("the volume holds " + found.get() + ", not the requested "
                        + wanted));
            }
            return Either.right(wanted);
        });
    }

    /** fsck only an unmounted filesystem: checking a mounted one could corrupt it. */
    private Either<Failure, Done> checkUnlessMounted(Path device, String fs) {
        return host.mountTable().mounts().flatMap(table -> table.stream().map(MountPoint::source)
                .anyMatch(device.toString()::equals) ? Either.right(Done.DONE) : host.filesystems().check(device, fs));
    }

    private Either<Failure, Done> growIfSmaller(Path device, Path staging, String fs) {
        return host.blockDevices().size(device).flatMap(size -> host.stats().usage(staging).flatMap((Usage u) ->
                size > u.totalBytes() * GROW_THRESHOLD ? host.filesystems().grow(device, staging, fs)
                        : Either.right(Done.DONE)));
    }

    private static List<String> withRo(List<String> options, boolean readOnly) {
        List<String> out = new ArrayList<>(options);
        if (readOnly && !out.contains("ro")) {
            out.add("ro");
        }
        return out;
    }
}
