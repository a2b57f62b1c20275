package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;

/**
 * CSI NodeUnpublishVolume (§4.5): whatever is mounted on the target comes off (escalating for a dead server), and
 * the directory or file the plugin created there is removed; nothing there is success.
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
                .flatMap(target -> Unmounting.clear(host, target).flatMap(ok -> host.paths().remove(target))));
    }
}
