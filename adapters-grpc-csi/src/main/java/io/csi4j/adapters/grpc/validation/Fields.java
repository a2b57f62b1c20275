package io.csi4j.adapters.grpc.validation;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.mapping.VolumeCapabilityMapper;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.MountFlags;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Field-level checks shared by every request: ids, maps, secrets, capacity ranges and volume capabilities. */
final class Fields {

    /** Which access modes a capability field accepts. */
    enum Modes {
        /** Only modes the plugin advertises: an alpha mode without its capability is INVALID_ARGUMENT. */
        ADVERTISED,
        /** Every mode the domain knows; the caller decides what an unadvertised one means. */
        ANY
    }

    /** CSI §1.4: all mount flags of one capability together. */
    static final int MAX_MOUNT_FLAGS_BYTES = 4096;

    private Fields() {}

    /** Ids are passed on raw (the use cases route them); here only their shape is checked. */
    static Either<Failure, String> id(String field, String value) {
        return Text.checkId(field, value);
    }

    /** An optional id filter: empty means "not given". */
    static Either<Failure, Optional<String>> optionalId(String field, String value) {
        return value.isEmpty() ? Either.right(Optional.empty()) : Text.checkId(field, value).map(Optional::of);
    }

    static Either<Failure, Parameters> map(String field, Map<String, String> values) {
        return Parameters.of(field, values);
    }

    /** CSI §1.7: the message names only the field; keys and values never reach a status. */
    static Either<Failure, Secrets> secrets(String field, Map<String, String> values) {
        return Parameters.of(field, values).map(ok -> new Secrets(values));
    }

    /** Negative bounds and a limit below the requirement are InvalidArgument naming capacity_range. */
    static Either<Failure, CapacityRange> capacity(io.csi4j.csi.v1.CapacityRange proto) {
        return CapacityRange.of(proto.getRequiredBytes(), proto.getLimitBytes());
    }

    /**
     * The first failure among checks made in field order, so the message names the first invalid field; every
     * check is cheap and pure, so running them all costs nothing worth a short circuit.
     */
    @SafeVarargs // only reads the array
    static Optional<Failure> firstFailure(Either<Failure, ?>... checks) {
        for (Either<Failure, ?> check : checks) {
            if (check.isLeft()) {
                return Optional.of(check.getLeft());
            }
        }
        return Optional.empty();
    }

    /** A REQUIRED repeated capability field: at least one entry, each valid. */
    static Either<Failure, List<VolumeCapability>> capabilities(String field,
            List<io.csi4j.csi.v1.VolumeCapability> protos, Advertised advertised, Modes modes) {
        if (protos.isEmpty()) {
            return Either.left(Failure.invalidArgument(field + " is required"));
        }
        return optionalCapabilities(field, protos, advertised, modes);
    }

    static Either<Failure, List<VolumeCapability>> optionalCapabilities(String field,
            List<io.csi4j.csi.v1.VolumeCapability> protos, Advertised advertised, Modes modes) {
        List<VolumeCapability> out = new ArrayList<>(protos.size());
        for (int i = 0; i < protos.size(); i++) {
            Either<Failure, VolumeCapability> c = capability(field + "[" + i + "]", protos.get(i), advertised, modes);
            if (c.isLeft()) {
                return Either.left(c.getLeft());
            }
            out.add(c.get());
        }
        return Either.right(out);
    }

    static Either<Failure, VolumeCapability> capability(String field, io.csi4j.csi.v1.VolumeCapability proto,
            Advertised advertised, Modes modes) {
        Either<Failure, VolumeCapability> checked = VolumeCapabilityMapper.toDomain(field, proto)
                .flatMap(c -> withinLimits(field, c));
        return modes == Modes.ADVERTISED ? checked.flatMap(c -> alphaModeAdvertised(field, c, advertised)) : checked;
    }

    private static Either<Failure, VolumeCapability> withinLimits(String field, VolumeCapability capability) {
        if (!(capability.accessType() instanceof AccessType.Mount mount)) {
            return Either.right(capability);
        }
        if (Text.utf8Length(mount.fsType()) > Text.MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + ".mount.fs_type is longer than " + Text.MAX_BYTES
                    + " bytes"));
        }
        if (Text.utf8Length(mount.volumeMountGroup()) > Text.MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + ".mount.volume_mount_group is longer than "
                    + Text.MAX_BYTES + " bytes"));
        }
        long flagBytes = mount.mountFlags().stream().mapToLong(Text::utf8Length).sum();
        if (flagBytes > MAX_MOUNT_FLAGS_BYTES) {
            // Mount flags may be sensitive (CSI §1.7): the message gives only their total size.
            return Either.left(Failure.invalidArgument(field + ".mount.mount_flags exceed " + MAX_MOUNT_FLAGS_BYTES
                    + " bytes in total"));
        }
        // A capability whose flags the node would refuse to mount with is not one this plugin supports (CSI §3.2):
        // refused here, in every RPC, before a volume is made that no node could ever use with it.
        return MountFlags.check(mount.mountFlags())
                .mapLeft(f -> Failure.invalidArgument(field + ".mount.mount_flags: " + f.message()))
                .map(ok -> capability);
    }

    /** CSI §3.1: the alpha single-node modes are accepted only with SINGLE_NODE_MULTI_WRITER advertised. */
    private static Either<Failure, VolumeCapability> alphaModeAdvertised(String field, VolumeCapability capability,
            Advertised advertised) {
        if (capability.accessMode().isAlphaSingleNode()
                && !advertised.has(ControllerCapability.SINGLE_NODE_MULTI_WRITER)) {
            return Either.left(Failure.invalidArgument(field + ".access_mode.mode " + capability.accessMode()
                    + " needs the SINGLE_NODE_MULTI_WRITER capability, which this plugin does not advertise"));
        }
        return Either.right(capability);
    }
}
