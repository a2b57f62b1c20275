package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.LoopDevice;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CSI NodeExpandVolume (§4.7): online, without a pod restart — the device under the volume picks up its new size
 * (a loop device re-reads its grown image; an iSCSI LUN's sessions are rescanned, and its multipath map resized),
 * then the filesystem mounted at the path grows to fill it (block access: the device's read-only views re-read
 * its size instead, whether the path shows the device or a view). A directory or a network share has nothing to
 * grow on the node. Repeats are harmless: growing a full filesystem is a no-op.
 */
public final class ExpandNodeVolumeService implements NodeVolumeUseCases.ExpandNodeVolume {

    private final NodeHost host;
    private final InFlight inFlight;

    public ExpandNodeVolumeService(NodeHost host, InFlight inFlight) {
        this.host = host;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Long> expand(String volumeId, String volumePath, Optional<String> stagingPath,
            CapacityRange capacity, Optional<VolumeCapability> capability) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> host.paths().confine("volume_path", volumePath)
                .flatMap(path -> VolumeAt.find(host, volumeId, path).flatMap(m -> grow(path, m, capacity))));
    }

    private Either<Failure, Long> grow(Path path, MountPoint m, CapacityRange capacity) {
        boolean block = VolumeAt.isBlock(m);
        Path device = VolumeAt.device(m);
        Either<Failure, Path> stagedDevice = block ? ReadOnlyViews.underlying(host, device) : Either.right(device);
        return stagedDevice.flatMap(staged -> host.loops().list().flatMap(loops -> {
            if (loops.stream().map(LoopDevice::device).anyMatch(staged::equals)) {
                return grown(host.loops().refreshCapacity(staged), staged, device, path, m, block, capacity);
            }
            return iscsiLun(staged).flatMap(lun -> lun.isEmpty()
                    // A directory or a network share: its size is the backend's to enforce, nothing to grow here.
                    ? Either.right(capacity.requiredBytes())
                    : grown(host.iscsi().rescan(lun.get().address()), staged, device, path, m, block, capacity));
        }));
    }

    /**
     * After the staged device picked up its new size: its read-only views do too, and the filesystem grows to fill
     * it (block access stops there). {@code device} is what the path shows: the staged device, or a view of it.
     */
    private Either<Failure, Long> grown(Either<Failure, Done> refreshed, Path staged, Path device, Path path,
            MountPoint m, boolean block, CapacityRange capacity) {
        return refreshed
                .flatMap(ok -> block ? ReadOnlyViews.refresh(host, staged)
                        : host.filesystems().grow(device, path, m.fsType()))
                .flatMap(ok -> host.blockDevices().size(device))
                .flatMap(size -> size < capacity.requiredBytes()
                        ? Either.left(Failure.outOfRange("the device holds " + size + " bytes, less than the "
                                + capacity.requiredBytes() + " asked; expand the volume on the controller first"))
                        : Either.right(size));
    }

    /** The attached iSCSI LUN whose device (or one of whose paths) {@code device} is, by device number. */
    private Either<Failure, Optional<AttachedLun>> iscsiLun(Path device) {
        var number = host.blockDevices().number(device);
        if (number.isLeft()) {
            return Either.right(Optional.empty());
        }
        return host.iscsi().attached().map(luns -> luns.stream()
                .filter(l -> DeviceUse.numbersOf(host, l).contains(number.get())).findFirst());
    }
}
