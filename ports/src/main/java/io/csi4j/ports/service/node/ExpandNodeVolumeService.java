package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.out.host.LoopDevice;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CSI NodeExpandVolume (§4.7): online, without a pod restart — the loop device under the volume picks up its
 * grown image, then the filesystem mounted at the path grows to fill it (block access stops after the device).
 * A directory volume has nothing to grow on the node. Repeats are harmless: growing a full filesystem is a no-op.
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
        return host.loops().list().flatMap(loops -> {
            boolean isLoop = loops.stream().map(LoopDevice::device).anyMatch(device::equals);
            if (!isLoop) {
                // A directory volume (a bind of a directory): its size is not enforced on the node.
                return Either.right(capacity.requiredBytes());
            }
            return host.loops().refreshCapacity(device)
                    .flatMap(ok -> block ? Either.right(Done.DONE) : host.filesystems().grow(device, path, m.fsType()))
                    .flatMap(ok -> host.blockDevices().size(device))
                    .flatMap(size -> size < capacity.requiredBytes()
                            ? Either.left(Failure.outOfRange("the device holds " + size + " bytes, less than the "
                                    + capacity.requiredBytes() + " asked; expand the volume on the controller first"))
                            : Either.right(size));
        });
    }
}
