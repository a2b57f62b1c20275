package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * volume_mount_group (CSI §6.2, node VOLUME_MOUNT_GROUP): local filesystems take no {@code gid=} option, so the
 * group is given the volume's root directory — group owner, group read/write, setgid so new files inherit it.
 */
final class Groups {

    private Groups() {}

    static Either<Failure, Done> share(NodeHost host, Path mounted, VolumeCapability capability, boolean readOnly) {
        if (readOnly) {
            return Either.right(Done.DONE);
        }
        return gid(capability).flatMap(gid -> gid.isEmpty() ? Either.right(Done.DONE)
                : host.paths().shareWithGroup(mounted, gid.getAsLong()));
    }

    /** The group the capability asks for, if any; InvalidArgument unless it is a numeric group id. */
    static Either<Failure, OptionalLong> gid(VolumeCapability capability) {
        if (!(capability.accessType() instanceof AccessType.Mount m) || m.volumeMountGroup().isEmpty()) {
            return Either.right(OptionalLong.empty());
        }
        long gid;
        try {
            gid = Long.parseLong(m.volumeMountGroup());
        } catch (NumberFormatException e) {
            gid = -1;
        }
        if (gid < 0 || gid > 0xFFFF_FFFEL) {
            return Either.left(Failure.invalidArgument("volume_mount_group must be a numeric group id"));
        }
        return Either.right(OptionalLong.of(gid));
    }
}
