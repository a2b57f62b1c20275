package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * Stages one kind of data path: makes the volume available at the staging directory — a filesystem mounted on
 * it, or for block access the device bound onto {@code <staging>/block} — deciding from the host's real state
 * whether that is already done (CSI §4.2).
 */
interface Stager {

    /** The name of the file inside the staging directory that a block device is bound onto. */
    String BLOCK_FILE = "block";

    boolean handles(DataPath path);

    Either<Failure, Done> stage(Request request);

    /** One staging request, its paths already confined. */
    record Request(String volumeId, Path staging, VolumeCapability capability, DataPath dataPath,
            Parameters volumeContext, Secrets secrets) {

        Path blockFile() {
            return staging.resolve(BLOCK_FILE);
        }
    }
}
