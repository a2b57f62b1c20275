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
 * directory and its block file, and the stage record that names the image attached to a loop device — so it
 * completes after a crash at any point. Nothing staged there is success. The directory itself belongs to the CO.
 */
public final class UnstageVolumeService implements NodeVolumeUseCases.UnstageVolume {

    private final NodeHost host;
    private final InFlight inFlight;

    public UnstageVolumeService(NodeHost host, InFlight inFlight) {
        this.host = host;
        this.inFlight = inFlight;
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
                            .flatMap(record -> detachRecorded(record))
                            .flatMap(ok -> host.paths().removeRecord(staging));
                }));
    }

    /** Detaches the loop device of the recorded image, unless something else still has it mounted. */
    private Either<Failure, Done> detachRecorded(Optional<Map<String, String>> record) {
        Optional<String> image = record.map(StageRecord::fromMap).flatMap(StageRecord::imageFile);
        if (image.isEmpty()) {
            return Either.right(Done.DONE);
        }
        return host.loops().find(Path.of(image.get())).flatMap(device -> {
            if (device.isEmpty()) {
                return Either.right(Done.DONE);
            }
            return host.mountTable().mounts().flatMap(table -> DeviceUse.inUse(table, device.get())
                    ? Either.left(Failure.precondition(device.get() + " of this volume is still mounted elsewhere"))
                    : host.loops().detach(device.get()));
        });
    }
}
