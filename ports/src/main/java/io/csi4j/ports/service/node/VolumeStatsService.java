package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.in.NodeVolumeStats;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.Usage;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CSI NodeGetVolumeStats (§4.6): bytes and inodes of the filesystem at the path, or the device size for a block
 * volume, with the node's view of the volume's condition — abnormal when the filesystem went read-only under a
 * writable mount, or when it does not answer in time (a dead server). Nothing mounted at the path is NotFound.
 */
public final class VolumeStatsService implements NodeVolumeUseCases.VolumeStats {

    private final NodeHost host;

    public VolumeStatsService(NodeHost host) {
        this.host = host;
    }

    @Override
    public Either<Failure, NodeVolumeStats> stats(String volumeId, String volumePath, Optional<String> stagingPath) {
        return host.paths().confine("volume_path", volumePath).flatMap(path -> VolumeAt.find(host, volumeId, path)
                .flatMap(m -> VolumeAt.isBlock(m) ? blockStats(m) : filesystemStats(path, m)));
    }

    private Either<Failure, NodeVolumeStats> blockStats(MountPoint m) {
        return host.blockDevices().size(VolumeAt.device(m))
                .map(size -> NodeVolumeStats.block(size, VolumeCondition.healthy("block device present")));
    }

    private Either<Failure, NodeVolumeStats> filesystemStats(Path path, MountPoint m) {
        var usage = host.stats().usage(path);
        if (usage.isLeft()) {
            if (usage.getLeft() instanceof Failure.Timeout) {
                return Either.right(new NodeVolumeStats(0, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.empty(), OptionalLong.empty(),
                        VolumeCondition.abnormal("the filesystem at " + path + " does not answer")));
            }
            return Either.left(usage.getLeft());
        }
        Usage u = usage.get();
        VolumeCondition condition = wentReadOnly(m)
                ? VolumeCondition.abnormal("the filesystem went read-only (errors?) while mounted read-write")
                : VolumeCondition.healthy("mounted " + (m.isReadOnly() ? "read-only" : "read-write"));
        return Either.right(new NodeVolumeStats(u.totalBytes(), OptionalLong.of(u.usedBytes()),
                OptionalLong.of(u.availableBytes()), OptionalLong.of(u.totalInodes()), OptionalLong.of(u.usedInodes()),
                OptionalLong.of(u.freeInodes()), condition));
    }

    /**
     * The filesystem turned read-only under a read-write mount: its superblock says {@code ro} (a remount, or an
     * error on older kernels) or {@code emergency_ro} (ext4 after an error on newer kernels, which leave the ro flag
     * alone and report this option instead).
     */
    private static boolean wentReadOnly(MountPoint m) {
        boolean readOnlyNow = m.superOptions().contains("ro") || m.superOptions().contains("emergency_ro");
        return readOnlyNow && !m.options().contains("ro");
    }
}
