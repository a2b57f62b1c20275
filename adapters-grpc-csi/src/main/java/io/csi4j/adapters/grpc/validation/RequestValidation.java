package io.csi4j.adapters.grpc.validation;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.mapping.ContentSourceMapper;
import io.csi4j.adapters.grpc.mapping.TopologyMapper;
import io.csi4j.adapters.grpc.validation.Fields.Modes;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.topology.TopologyRequirement;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.CreateVolumeCommand;
import io.csi4j.ports.in.SourceRef;
import io.csi4j.ports.in.ValidateCommand;
import io.vavr.control.Either;
import java.util.Map;
import java.util.Optional;

/**
 * Checks Controller requests against CSI §1.6 and §3 and turns them into commands: a missing REQUIRED field or
 * an invalid value is an InvalidArgument that names the field, returned before any use case runs. Ids are only
 * checked for shape and stay raw strings, because the use cases route them to their backend.
 */
public final class RequestValidation {

    private RequestValidation() {}

    public static Either<Failure, CreateVolumeCommand> createVolume(CreateVolumeRequest r, Advertised advertised) {
        var name = VolumeName.parse(r.getName());
        var capacity = createCapacity(r);
        var capabilities = Fields.capabilities("volume_capabilities", r.getVolumeCapabilitiesList(), advertised,
                Modes.ADVERTISED);
        var parameters = Fields.map("parameters", r.getParametersMap());
        var mutable = mutableParameters(r, advertised);
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        var source = source(r, advertised);
        var topology = topology(r);
        return Fields.firstFailure(name, capacity, capabilities, parameters, mutable, secrets, source, topology)
                .map(Either::<Failure, CreateVolumeCommand>left)
                .orElseGet(() -> Either.right(new CreateVolumeCommand(name.get(), capacity.get(), capabilities.get(),
                        parameters.get(), mutable.get(), secrets.get(), source.get(), topology.get())));
    }

    public static Either<Failure, ValidateCommand> validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest r,
            Advertised advertised) {
        var id = Fields.id("volume_id", r.getVolumeId());
        // Every mode is understood here; an unadvertised one is "not confirmed" rather than an error (CSI §3.6).
        var capabilities = Fields.capabilities("volume_capabilities", r.getVolumeCapabilitiesList(), advertised,
                Modes.ANY);
        var context = Fields.map("volume_context", r.getVolumeContextMap());
        var parameters = Fields.map("parameters", r.getParametersMap());
        var mutable = Fields.map("mutable_parameters", r.getMutableParametersV2Map());
        return Fields.firstFailure(id, capabilities, context, parameters, mutable)
                .map(Either::<Failure, ValidateCommand>left)
                .orElseGet(() -> Either.right(new ValidateCommand(id.get(), capabilities.get(), context.get(),
                        parameters.get(), mutable.get())));
    }

    public static Either<Failure, PageRequest> page(int maxEntries, String startingToken) {
        // The token stays opaque here: one we did not issue is the use case's InvalidToken (ABORTED, CSI §3.7).
        return PageRequest.of(startingToken, maxEntries);
    }

    public static Either<Failure, CapacityQuery> getCapacity(GetCapacityRequest r, Advertised advertised) {
        var capabilities = Fields.optionalCapabilities("volume_capabilities", r.getVolumeCapabilitiesList(),
                advertised, Modes.ADVERTISED);
        var parameters = Fields.map("parameters", r.getParametersMap());
        var topology = capacityTopology(r);
        return Fields.firstFailure(capabilities, parameters, topology)
                .map(Either::<Failure, CapacityQuery>left)
                .orElseGet(() -> Either.right(new CapacityQuery(capabilities.get(), parameters.get(), topology.get())));
    }

    public static Either<Failure, ExpandRequest> expandVolume(ControllerExpandVolumeRequest r, Advertised advertised) {
        var id = Fields.id("volume_id", r.getVolumeId());
        var capacity = expandCapacity(r);
        var capability = expandCapability(r, advertised);
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        return Fields.firstFailure(id, capacity, capability, secrets)
                .map(Either::<Failure, ExpandRequest>left)
                .orElseGet(() -> Either.right(new ExpandRequest(id.get(), capacity.get(), capability.get(),
                        secrets.get())));
    }

    public static Either<Failure, SnapshotRequest> createSnapshot(CreateSnapshotRequest r) {
        var name = SnapshotName.parse(r.getName());
        var source = Fields.id("source_volume_id", r.getSourceVolumeId());
        var parameters = Fields.map("parameters", r.getParametersMap());
        var secrets = Fields.secrets("secrets", r.getSecretsMap());
        return Fields.firstFailure(name, source, parameters, secrets)
                .map(Either::<Failure, SnapshotRequest>left)
                .orElseGet(() -> Either.right(new SnapshotRequest(name.get(), source.get(), parameters.get(),
                        secrets.get())));
    }

    public static Either<Failure, SnapshotQuery> listSnapshots(ListSnapshotsRequest r) {
        var snapshot = Fields.optionalId("snapshot_id", r.getSnapshotId());
        var source = Fields.optionalId("source_volume_id", r.getSourceVolumeId());
        var page = page(r.getMaxEntries(), r.getStartingToken());
        return Fields.firstFailure(snapshot, source, page)
                .map(Either::<Failure, SnapshotQuery>left)
                .orElseGet(() -> Either.right(new SnapshotQuery(snapshot.get(), source.get(), page.get())));
    }

    /** A REQUIRED id field (volume_id, snapshot_id): present, at most 128 bytes, printable ASCII. */
    public static Either<Failure, String> id(String field, String value) {
        return Fields.id(field, value);
    }

    public static Either<Failure, Secrets> secrets(Map<String, String> values) {
        return Fields.secrets("secrets", values);
    }

    /**
     * CSI §3.2: mutable_parameters belong to MODIFY_VOLUME. Without that capability they are refused, rather than
     * merged into the parameters where they would silently override StorageClass values.
     */
    private static Either<Failure, Parameters> mutableParameters(CreateVolumeRequest r, Advertised advertised) {
        if (r.getMutableParametersV2Count() > 0 && !advertised.has(ControllerCapability.MODIFY_VOLUME)) {
            return Either.left(Failure.invalidArgument("mutable_parameters are not accepted: this plugin does not "
                    + "advertise MODIFY_VOLUME"));
        }
        return Fields.map("mutable_parameters", r.getMutableParametersV2Map());
    }

    /** CSI §3.2.2: for CreateVolume a present range with both bounds 0 is tolerated as "no preference". */
    private static Either<Failure, CapacityRange> createCapacity(CreateVolumeRequest r) {
        return r.hasCapacityRange() ? Fields.capacity(r.getCapacityRange()) : Either.right(CapacityRange.UNSPECIFIED);
    }

    /** CSI §3.15: capacity_range is REQUIRED for expansion, and a range naming no size at all is malformed. */
    private static Either<Failure, CapacityRange> expandCapacity(ControllerExpandVolumeRequest r) {
        if (!r.hasCapacityRange()) {
            return Either.left(Failure.invalidArgument("capacity_range is required"));
        }
        return Fields.capacity(r.getCapacityRange()).flatMap(c -> c.isUnspecified()
                ? Either.left(Failure.invalidArgument("capacity_range needs required_bytes or limit_bytes"))
                : Either.right(c));
    }

    private static Either<Failure, Optional<VolumeCapability>> expandCapability(ControllerExpandVolumeRequest r,
            Advertised advertised) {
        return r.hasVolumeCapability()
                ? Fields.capability("volume_capability", r.getVolumeCapability(), advertised, Modes.ADVERTISED)
                        .map(Optional::of)
                : Either.right(Optional.empty());
    }

    /** CSI §3.2.3: restore needs CREATE_DELETE_SNAPSHOT and clone needs CLONE_VOLUME; otherwise INVALID_ARGUMENT. */
    private static Either<Failure, Optional<SourceRef>> source(CreateVolumeRequest r, Advertised advertised) {
        if (!r.hasVolumeContentSource()) {
            return Either.right(Optional.empty());
        }
        return ContentSourceMapper.toDomain(r.getVolumeContentSource()).flatMap(source -> switch (source) {
            case SourceRef.Snapshot s when !advertised.has(ControllerCapability.CREATE_DELETE_SNAPSHOT) ->
                    Either.left(Failure.invalidArgument(
                            "volume_content_source.snapshot: this plugin does not restore from snapshots"));
            case SourceRef.Volume v when !advertised.has(ControllerCapability.CLONE_VOLUME) ->
                    Either.left(Failure.invalidArgument("volume_content_source.volume: this plugin does not clone"));
            default -> Either.right(Optional.of(source));
        });
    }

    private static Either<Failure, Optional<TopologyRequirement>> topology(CreateVolumeRequest r) {
        return r.hasAccessibilityRequirements()
                ? TopologyMapper.toDomain(r.getAccessibilityRequirements()).map(Optional::of)
                : Either.right(Optional.empty());
    }

    private static Either<Failure, Optional<Topology>> capacityTopology(GetCapacityRequest r) {
        if (!r.hasAccessibleTopology() || r.getAccessibleTopology().getSegmentsCount() == 0) {
            return Either.right(Optional.empty());
        }
        return TopologyMapper.toDomain("accessible_topology", r.getAccessibleTopology()).map(Optional::of);
    }
}
