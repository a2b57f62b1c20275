package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.IscsiAddress;
import io.csi4j.ports.out.host.LoopDevice;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gives back, at unstage, what a stage record says staging took, each decided from the host's state: a loop
 * device (unless something still has it mounted), a backing share (unless an image on it is still attached), an
 * iSCSI LUN (refused while mounted elsewhere; the target logged out unless another of its LUNs is in use). The
 * read-only views of a device go before the device, whatever left them ({@link ReadOnlyViews#detachAll}).
 */
final class Releases {

    private final NodeHost host;
    private final NodeLocks locks;

    Releases(NodeHost host, NodeLocks locks) {
        this.host = host;
        this.locks = locks;
    }

    /** Everything the record names, in order: the image's loop device, then its share, then the iSCSI LUN. */
    Either<Failure, Done> all(StageRecord record) {
        return image(record).flatMap(ok -> share(record)).flatMap(ok -> lun(record));
    }

    /**
     * Undoes a stage that failed before anything was mounted on the staging directory or its block file: after a
     * final error kubelet sends no NodeUnstage, so what the stage attached must not stay. Best effort: the caller
     * reports the stage's own failure.
     */
    void undoFailedStage(Stager.Request r, StageRecord record) {
        host.mountTable().at(r.staging()).flatMap(dir -> host.mountTable().at(r.blockFile()).flatMap(file ->
                dir.isPresent() || file.isPresent() ? Either.right(Done.DONE)
                        : all(record).flatMap(ok -> host.paths().remove(r.blockFile()))
                                .flatMap(ok -> host.paths().removeRecord(r.staging()))));
    }

    /** Detaches the loop device of the recorded image, unless something else still has it mounted. */
    Either<Failure, Done> image(StageRecord record) {
        if (record.imageFile().isEmpty()) {
            return Either.right(Done.DONE);
        }
        return host.loops().find(Path.of(record.imageFile().get())).flatMap(device -> {
            if (device.isEmpty()) {
                return Either.right(Done.DONE);
            }
            return ReadOnlyViews.detachAll(host, device.get()).flatMap(ok -> host.mountTable().mounts()
                    .flatMap(table -> DeviceUse.inUse(table, device.get())
                            ? Either.left(Failure.precondition(device.get() + " of this volume is still mounted "
                                    + "elsewhere"))
                            : host.loops().detach(device.get())));
        });
    }

    /** Unmounts the recorded backing share when no image on it is attached any more (the last user goes). */
    Either<Failure, Done> share(StageRecord record) {
        if (record.share().isEmpty()) {
            return Either.right(Done.DONE);
        }
        Path share = Path.of(record.share().get());
        return locks.holding(NodeLocks.share(share), () -> shareIfUnused(host, share));
    }

    /** Unmounts {@code share} and removes its mount point unless a loop device is backed by a file on it. */
    static Either<Failure, Done> shareIfUnused(NodeHost host, Path share) {
        return host.loops().list().flatMap(loops -> {
            boolean used = loops.stream().map(LoopDevice::backingFile).anyMatch(f -> f.startsWith(share));
            return used ? Either.right(Done.DONE)
                    : Unmounting.clear(host, share).flatMap(ok -> host.paths().remove(share));
        });
    }

    /** Removes the recorded LUN's device; logs out of its target unless another LUN of the target is in use. */
    Either<Failure, Done> lun(StageRecord record) {
        if (record.iscsi().isEmpty()) {
            return Either.right(Done.DONE);
        }
        IscsiAddress address = record.iscsi().get();
        return locks.holding(NodeLocks.target(address.targetIqn()), () -> host.iscsi().attached()
                .flatMap(luns -> detachViews(luns, address))
                .flatMap(luns -> host.mountTable().mounts().flatMap(table -> {
                    Set<String> used = DeviceUse.numbersInUse(host, table);
                    List<AttachedLun> ofTarget = luns.stream()
                            .filter(l -> l.address().targetIqn().equals(address.targetIqn())).toList();
                    Optional<AttachedLun> ours = ofTarget.stream().filter(l -> l.address().lun() == address.lun())
                            .findFirst();
                    if (ours.isPresent() && inUse(ours.get(), used)) {
                        return Either.left(Failure.precondition(ours.get().device() + " of this volume is still "
                                + "mounted elsewhere"));
                    }
                    boolean othersInUse = ofTarget.stream().filter(l -> l.address().lun() != address.lun())
                            .anyMatch(l -> inUse(l, used));
                    return host.iscsi().detach(address, !othersInUse);
                })));
    }

    /** Detaches the read-only views of the LUN at {@code address} (of its device or any of its paths). */
    private Either<Failure, List<AttachedLun>> detachViews(List<AttachedLun> luns, IscsiAddress address) {
        List<Path> devices = luns.stream().filter(l -> l.address().targetIqn().equals(address.targetIqn())
                && l.address().lun() == address.lun())
                .flatMap(l -> Stream.concat(Stream.of(l.device()), l.paths().stream()))
                .toList();
        for (Path device : devices) {
            var detached = ReadOnlyViews.detachAll(host, device);
            if (detached.isLeft()) {
                return Either.left(detached.getLeft());
            }
        }
        return Either.right(luns);
    }

    private boolean inUse(AttachedLun lun, Set<String> used) {
        return DeviceUse.numbersOf(host, lun).stream().anyMatch(used::contains);
    }
}
