package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeCapability.BlockVolume;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;

/** Translates a volume capability between protobuf and domain; a shape the domain cannot hold is InvalidArgument. */
public final class VolumeCapabilityMapper {

    private VolumeCapabilityMapper() {}

    /**
     * @param field the request field, for messages (e.g. {@code volume_capabilities[0]})
     */
    public static Either<Failure, VolumeCapability> toDomain(String field, io.csi4j.csi.v1.VolumeCapability proto) {
        Either<Failure, AccessType> type = accessType(field, proto);
        if (type.isLeft()) {
            return Either.left(type.getLeft());
        }
        return accessMode(field, proto).map(mode -> new VolumeCapability(type.get(), mode));
    }

    public static io.csi4j.csi.v1.VolumeCapability toProto(VolumeCapability capability) {
        var b = io.csi4j.csi.v1.VolumeCapability.newBuilder()
                .setAccessMode(io.csi4j.csi.v1.VolumeCapability.AccessMode.newBuilder()
                        .setMode(toProto(capability.accessMode())));
        switch (capability.accessType()) {
            case AccessType.Block block -> b.setBlock(BlockVolume.getDefaultInstance());
            case AccessType.Mount mount -> b.setMount(io.csi4j.csi.v1.VolumeCapability.MountVolume.newBuilder()
                    .setFsType(mount.fsType())
                    .addAllMountFlags(mount.mountFlags())
                    .setVolumeMountGroup(mount.volumeMountGroup()));
        }
        return b.build();
    }

    private static Either<Failure, AccessType> accessType(String field, io.csi4j.csi.v1.VolumeCapability proto) {
        return switch (proto.getAccessTypeCase()) {
            case BLOCK -> Either.right(AccessType.BLOCK);
            case MOUNT -> Either.right(new AccessType.Mount(proto.getMount().getFsType(),
                    proto.getMount().getMountFlagsList(), proto.getMount().getVolumeMountGroup()));
            case ACCESSTYPE_NOT_SET -> Either.left(Failure.invalidArgument(
                    field + ".access_type is required: block or mount"));
        };
    }

    private static Either<Failure, AccessMode> accessMode(String field, io.csi4j.csi.v1.VolumeCapability proto) {
        if (!proto.hasAccessMode()) {
            return Either.left(Failure.invalidArgument(field + ".access_mode is required"));
        }
        Mode mode = proto.getAccessMode().getMode();
        return switch (mode) {
            case SINGLE_NODE_WRITER -> Either.right(AccessMode.SINGLE_NODE_WRITER);
            case SINGLE_NODE_READER_ONLY -> Either.right(AccessMode.SINGLE_NODE_READER_ONLY);
            case MULTI_NODE_READER_ONLY -> Either.right(AccessMode.MULTI_NODE_READER_ONLY);
            case MULTI_NODE_SINGLE_WRITER -> Either.right(AccessMode.MULTI_NODE_SINGLE_WRITER);
            case MULTI_NODE_MULTI_WRITER -> Either.right(AccessMode.MULTI_NODE_MULTI_WRITER);
            case SINGLE_NODE_SINGLE_WRITER -> Either.right(AccessMode.SINGLE_NODE_SINGLE_WRITER);
            case SINGLE_NODE_MULTI_WRITER -> Either.right(AccessMode.SINGLE_NODE_MULTI_WRITER);
            case UNKNOWN -> Either.left(Failure.invalidArgument(field + ".access_mode.mode is required"));
            case UNRECOGNIZED -> Either.left(Failure.invalidArgument(field + ".access_mode.mode "
                    + proto.getAccessMode().getModeValue() + " is not an access mode this plugin knows"));
        };
    }

    static Mode toProto(AccessMode mode) {
        return switch (mode) {
            case SINGLE_NODE_WRITER -> Mode.SINGLE_NODE_WRITER;
            case SINGLE_NODE_READER_ONLY -> Mode.SINGLE_NODE_READER_ONLY;
            case MULTI_NODE_READER_ONLY -> Mode.MULTI_NODE_READER_ONLY;
            case MULTI_NODE_SINGLE_WRITER -> Mode.MULTI_NODE_SINGLE_WRITER;
            case MULTI_NODE_MULTI_WRITER -> Mode.MULTI_NODE_MULTI_WRITER;
            case SINGLE_NODE_SINGLE_WRITER -> Mode.SINGLE_NODE_SINGLE_WRITER;
            case SINGLE_NODE_MULTI_WRITER -> Mode.SINGLE_NODE_MULTI_WRITER;
        };
    }
}
