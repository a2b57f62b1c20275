package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.nio.file.Path;

/**
 * Finds what a volume_path of NodeGetVolumeStats or NodeExpandVolume shows (CSI §4.6, §4.7: any path where the
 * volume is staged or published): the mount at the path itself, or — when the path is a block volume's staging
 * directory — the device bound onto the block file inside it. Nothing there is NotFound.
 */
final class VolumeAt {

    private VolumeAt() {}

    static Either<Failure, MountPoint> find(NodeHost host, String volumeId, Path path) {
        return host.mountTable().at(path)
                .flatMap(m -> m.isPresent() ? Either.right(m)
                        : host.mountTable().at(path.resolve(Stager.BLOCK_FILE)).map(b -> b.filter(VolumeAt::isBlock)))
                .flatMap(m -> m.<Either<Failure, MountPoint>>map(Either::right)
                        .orElseGet(() -> Either.left(Failure.notFound("volume " + volumeId + " is not mounted at " + path))));
    }

    /** A device node bound onto a file: the bind shows devtmpfs with the node's name as its root. */
    static boolean isBlock(MountPoint m) {
        return m.fsType().equals("devtmpfs") && !m.root().equals("/");
    }

    /** The device a mount shows: the bound device node for block access, the mounted source otherwise. */
    static Path device(MountPoint m) {
        return Path.of(isBlock(m) ? "/dev" + m.root() : m.source());
    }
}
