package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;

/**
 * CSI NodeUnpublishVolume (§4.5): whatever is mounted on the target comes off (escalating for a dead server), and
 * the directory or file the plugin created there is removed, then a read-only view that was bound there is detached
 * when no other target shows it; nothing there is success.
 */
public final class UnpublishVolumeService implements NodeVolumeUseCases.UnpublishVolume {

    private final NodeHost host;
    private final InFlight inFlight;

    public UnpublishVolumeService(NodeHost host, InFlight inFlight) {
        this.host = host;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Done> unpublish(String volumeId, String targetPath) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> host.paths().confine("target_path", targetPath)
                .flatMap(target -> host.mountTable().mounts().flatMap(table -> {
                    List<Path> devices = table.stream().filter(m -> m.target().equals(target.normalize()))
                            .filter(VolumeAt::isBlock).map(VolumeAt::device).distinct().toList();
                    return Unmounting.clear(host, target).flatMap(ok -> host.paths().remove(target))
                            .flatMap(ok -> releaseViews(devices));
                })));
    }

    private Either<Failure, Done> releaseViews(List<Path> devices) {
        for (Path device : devices) {
            var released = ReadOnlyViews.releaseIfUnused(host, device);
            if (released.isLeft()) {
                return released;
            }
        }
        return Either.right(Done.DONE);
    }
}
