package io.csi4j.adapters.grpc.validation;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.validation.Fields.Modes;
import io.csi4j.csi.v1.NodeExpandVolumeRequest;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeStageCommand;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;

/**
 * Checks Node requests against CSI §4 and turns them into commands: a missing REQUIRED field or an invalid value
 * is InvalidArgument naming the field. Paths are checked for presence and length here; confinement to the allowed
 * roots is the use case's job (it needs the host).
 */
public final class NodeRequestValidation {

    /** Linux PATH_MAX: CSI asks node plugins to accept paths up to the OS maximum. */
    static final int MAX_PATH_BYTES = 4096;

    private NodeRequestValidation() {}

    public static Either<Failure, NodeStageCommand> stage(NodeStageVolumeRequest r, Advertised advertised) {
        var id = Fields.id("volume_id", r.getVolumeId());
        var staging = path("staging_target_path", r.getStagingTargetPath());
        var capability = requiredCapability(r.hasVolumeCapability(), r.getVolumeCapability(), advertised);
        var context = Fields.map("volume_context", r.getVolumeContextMap());
        var publish = Fields.map("publish_context", r.getPublishContextMap());
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        var dataPath = dataPath(r.getPublishContextMap(), r.getVolumeContextMap());
        return Fields.firstFailure(id, staging, capability, context, publish, secrets, dataPath)
                .map(Either::<Failure, NodeStageCommand>left)
                .orElseGet(() -> Either.right(new NodeStageCommand(id.get(), staging.get(), capability.get(),
                        dataPath.get(), context.get(), publish.get(), secrets.get())));
    }

    public static Either<Failure, NodePublishCommand> publish(NodePublishVolumeRequest r, Advertised advertised) {
        var id = Fields.id("volume_id", r.getVolumeId());
        var target = path("target_path", r.getTargetPath());
        var capability = requiredCapability(r.hasVolumeCapability(), r.getVolumeCapability(), advertised);
        var context = Fields.map("volume_context", r.getVolumeContextMap());
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        var failure = Fields.firstFailure(id, target, capability, context, secrets);
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        // CSI §4.4: with STAGE_UNSTAGE_VOLUME advertised (always, here) an empty staging path is FAILED_PRECONDITION.
        if (r.getStagingTargetPath().isEmpty()) {
            return Either.left(Failure.precondition("staging_target_path is required: this plugin stages volumes"));
        }
        return path("staging_target_path", r.getStagingTargetPath()).map(staging -> new NodePublishCommand(id.get(),
                staging, target.get(), capability.get(), r.getReadonly()));
    }

    /** A request naming a volume and one of its paths (unstage, unpublish, stats, expand). */
    public record VolumeAtPath(String volumeId, String path, Optional<String> stagingPath) {}

    public static Either<Failure, VolumeAtPath> volumeAt(String volumeId, String pathField, String path,
            String stagingPath) {
        var id = Fields.id("volume_id", volumeId);
        var p = path(pathField, path);
        var staging = stagingPath.isEmpty() ? Either.<Failure, Optional<String>>right(Optional.empty())
                : path("staging_target_path", stagingPath).map(Optional::of);
        return Fields.firstFailure(id, p, staging).map(Either::<Failure, VolumeAtPath>left)
                .orElseGet(() -> Either.right(new VolumeAtPath(id.get(), p.get(), staging.get())));
    }

    /** NodeExpandVolume's optional parts: a range (if present, well formed) and a capability. */
    public record Expand(VolumeAtPath volume, CapacityRange capacity, Optional<VolumeCapability> capability) {}

    public static Either<Failure, Expand> expand(NodeExpandVolumeRequest r, Advertised advertised) {
        var volume = volumeAt(r.getVolumeId(), "volume_path", r.getVolumePath(), r.getStagingTargetPath());
        var capacity = r.hasCapacityRange() ? Fields.capacity(r.getCapacityRange())
                : Either.<Failure, CapacityRange>right(CapacityRange.UNSPECIFIED);
        var capability = r.hasVolumeCapability()
                ? Fields.capability("volume_capability", r.getVolumeCapability(), advertised, Modes.ADVERTISED)
                        .map(Optional::of)
                : Either.<Failure, Optional<VolumeCapability>>right(Optional.empty());
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        return Fields.firstFailure(volume, capacity, capability, secrets).map(Either::<Failure, Expand>left)
                .orElseGet(() -> Either.right(new Expand(volume.get(), capacity.get(), capability.get())));
    }

    static Either<Failure, String> path(String field, String value) {
        if (value.isEmpty()) {
            return Either.left(Failure.invalidArgument(field + " is required"));
        }
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return Either.left(Failure.invalidArgument(field + " is longer than " + MAX_PATH_BYTES + " bytes"));
        }
        if (value.indexOf('\0') >= 0) {
            return Either.left(Failure.invalidArgument(field + " contains a NUL character"));
        }
        return Either.right(value);
    }

    private static Either<Failure, VolumeCapability> requiredCapability(boolean present,
            io.csi4j.csi.v1.VolumeCapability proto, Advertised advertised) {
        if (!present) {
            return Either.left(Failure.invalidArgument("volume_capability is required"));
        }
        return Fields.capability("volume_capability", proto, advertised, Modes.ADVERTISED);
    }

    /**
     * How this node reaches the data: the publish context's data path first (ControllerPublish computed it for this
     * node, and it is the only one for volumes made by a driver csi4j replaced), then the volume context's, then the
     * plain keys a pre-provisioned file volume may carry ({@link LegacyContext}). Empty when none says: the use case
     * then asks the backend that owns the volume (volumes of a replaced driver whose contexts hold only its keys).
     */
    private static Either<Failure, Optional<DataPath>> dataPath(Map<String, String> publish,
            Map<String, String> context) {
        return DataPathCodec.decode(publish).flatMap(fromPublish -> fromPublish.isPresent()
                ? Either.right(fromPublish)
                : DataPathCodec.decode(context)).map(path -> path.or(() -> LegacyContext.decode(context)));
    }
}
