package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * CSI NodeUnstageVolume (§4.3): undoes everything staging did, decided from the host — the mounts on the staging
 * directory and its block file, then what the stage record names: the image's loop device, the backing share
 * (released when no image on it is attached any more), the iSCSI LUN (its device removed, and the target logged
 * out when no other LUN of it is in use) — so it completes after a crash at any point. Nothing staged there is
 * success. The directory itself belongs to the CO.
 */
public final class UnstageVolumeService implements NodeVolumeUseCases.UnstageVolume {

    private final NodeHost host;
    private final InFlight inFlight;
    private final Releases releases;

    /**
     * @param locks the node's locks on shared resources, the same instance the stage service gets
     */
    public UnstageVolumeService(NodeHost host, InFlight inFlight, NodeLocks locks) {
        this.host = host;
        this.inFlight = inFlight;
        this.releases = new Releases(host, locks);
    }

    @Override
    public Either<Failure, Done> unstage(String volumeId, String stagingPath) {
        return inFlight.exclusively(InFlight.volume(volumeId), () -> host.paths()
                .confine("staging_target_path", stagingPath)
                .flatMap(staging -> {
                    Path block = staging.resolve(Stager.BLOCK_FILE);
                    return Unmounting.clear(host, block)
                            .flatMap(ok -> Unmounting.clear(host, staging))
                            .flatMap(ok -> host.paths().remove(block))
                            .flatMap(ok -> host.paths().readRecord(staging))
                            .flatMap(this::release)
                            .flatMap(ok -> host.paths().removeRecord(staging));
                }));
    }

    private Either<Failure, Done> release(Optional<Map<String, String>> record) {
        if (record.isEmpty()) {
            return Either.right(Done.DONE);
        }
        return StageRecord.fromMap(record.get()).flatMap(releases::all);
    }
}
