package io.csi4j.adapters.grpc.controller;

import static io.csi4j.adapters.grpc.controller.CapabilityGate.require;
import static io.csi4j.domain.capability.ControllerCapability.CREATE_DELETE_SNAPSHOT;
import static io.csi4j.domain.capability.ControllerCapability.CREATE_DELETE_VOLUME;
import static io.csi4j.domain.capability.ControllerCapability.EXPAND_VOLUME;
import static io.csi4j.domain.capability.ControllerCapability.GET_CAPACITY;
import static io.csi4j.domain.capability.ControllerCapability.GET_SNAPSHOT;
import static io.csi4j.domain.capability.ControllerCapability.GET_VOLUME;
import static io.csi4j.domain.capability.ControllerCapability.LIST_SNAPSHOTS;
import static io.csi4j.domain.capability.ControllerCapability.LIST_VOLUMES;
import static io.csi4j.domain.capability.ControllerCapability.PUBLISH_UNPUBLISH_VOLUME;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.mapping.CapabilityMapper;
import io.csi4j.adapters.grpc.mapping.CapacityMapper;
import io.csi4j.adapters.grpc.mapping.ExpansionMapper;
import io.csi4j.adapters.grpc.mapping.SnapshotMapper;
import io.csi4j.adapters.grpc.mapping.ValidationMapper;
import io.csi4j.adapters.grpc.mapping.VolumeEntryMapper;
import io.csi4j.adapters.grpc.mapping.VolumeMapper;
import io.csi4j.adapters.grpc.status.Replies;
import io.csi4j.adapters.grpc.validation.PublishValidation;
import io.csi4j.adapters.grpc.validation.RequestValidation;
import io.csi4j.csi.v1.ControllerExpandVolumeRequest;
import io.csi4j.csi.v1.ControllerExpandVolumeResponse;
import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.ControllerGetCapabilitiesResponse;
import io.csi4j.csi.v1.ControllerGetVolumeRequest;
import io.csi4j.csi.v1.ControllerGetVolumeResponse;
import io.csi4j.csi.v1.ControllerGrpc;
import io.csi4j.csi.v1.ControllerPublishVolumeRequest;
import io.csi4j.csi.v1.ControllerPublishVolumeResponse;
import io.csi4j.csi.v1.ControllerUnpublishVolumeRequest;
import io.csi4j.csi.v1.ControllerUnpublishVolumeResponse;
import io.csi4j.csi.v1.CreateSnapshotRequest;
import io.csi4j.csi.v1.CreateSnapshotResponse;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.CreateVolumeResponse;
import io.csi4j.csi.v1.DeleteSnapshotRequest;
import io.csi4j.csi.v1.DeleteSnapshotResponse;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeResponse;
import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetCapacityResponse;
import io.csi4j.csi.v1.GetSnapshotRequest;
import io.csi4j.csi.v1.GetSnapshotResponse;
import io.csi4j.csi.v1.ListSnapshotsRequest;
import io.csi4j.csi.v1.ListSnapshotsResponse;
import io.csi4j.csi.v1.ListVolumesRequest;
import io.csi4j.csi.v1.ListVolumesResponse;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesRequest;
import io.csi4j.csi.v1.ValidateVolumeCapabilitiesResponse;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.ports.in.ControllerUseCases;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.in.ValidateCommand;
import io.csi4j.ports.in.Validation;
import io.grpc.stub.StreamObserver;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves the CSI Controller service: each RPC checks its capability gate, validates and translates the request,
 * calls its use case and translates the outcome back. ControllerModifyVolume has no use case (MODIFY_VOLUME is not
 * advertised) and is left to the generated base class, which answers UNIMPLEMENTED (CSI §1.1).
 */
public final class ControllerService extends ControllerGrpc.ControllerImplBase {

    private final ControllerUseCases useCases;
    private final DescribePluginUseCase describe;

    public ControllerService(ControllerUseCases useCases, DescribePluginUseCase describe) {
        this.useCases = Objects.requireNonNull(useCases, "'useCases' must not be null");
        this.describe = Objects.requireNonNull(describe, "'describe' must not be null");
    }

    @Override
    public void controllerGetCapabilities(ControllerGetCapabilitiesRequest request,
            StreamObserver<ControllerGetCapabilitiesResponse> out) {
        Replies.send(out, Either.right(CapabilityMapper.controller(describe.controllerCapabilities())));
    }

    @Override
    public void createVolume(CreateVolumeRequest request, StreamObserver<CreateVolumeResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, CREATE_DELETE_VOLUME, "CreateVolume")
                .flatMap(ok -> RequestValidation.createVolume(request, advertised))
                .flatMap(useCases.createVolume()::createVolume)
                .map(v -> CreateVolumeResponse.newBuilder().setVolume(VolumeMapper.toProto(v, advertised)).build()));
    }

    @Override
    public void deleteVolume(DeleteVolumeRequest request, StreamObserver<DeleteVolumeResponse> out) {
        // CSI §3.3: an unknown or unparsable (but well-shaped) id is the use case's "already gone" → OK.
        Replies.send(out, require(Advertised.by(describe), CREATE_DELETE_VOLUME, "DeleteVolume")
                .flatMap(ok -> RequestValidation.id("volume_id", request.getVolumeId()))
                .flatMap(id -> RequestValidation.secrets(request.getSecretsMap())
                        .flatMap(secrets -> useCases.deleteVolume().deleteVolume(id, secrets)))
                .map(done -> DeleteVolumeResponse.getDefaultInstance()));
    }

    @Override
    public void validateVolumeCapabilities(ValidateVolumeCapabilitiesRequest request,
            StreamObserver<ValidateVolumeCapabilitiesResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, RequestValidation.validateVolumeCapabilities(request, advertised)
                .flatMap(command -> validate(command, advertised))
                .map(ValidationMapper::toProto));
    }

    private Either<Failure, Validation> validate(ValidateCommand command, Advertised advertised) {
        Optional<Validation> refused = AccessModeCheck.unadvertised(command, advertised);
        return refused.isPresent()
                ? Either.right(refused.get())
                : useCases.validateVolumeCapabilities().validate(command);
    }

    @Override
    public void listVolumes(ListVolumesRequest request, StreamObserver<ListVolumesResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, LIST_VOLUMES, "ListVolumes")
                .flatMap(ok -> RequestValidation.page(request.getMaxEntries(), request.getStartingToken()))
                .flatMap(useCases.listVolumes()::listVolumes)
                .map(page -> volumePage(page, advertised)));
    }

    @Override
    public void controllerGetVolume(ControllerGetVolumeRequest request,
            StreamObserver<ControllerGetVolumeResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, GET_VOLUME, "ControllerGetVolume")
                .flatMap(ok -> RequestValidation.id("volume_id", request.getVolumeId()))
                .flatMap(useCases.getVolume()::getVolume)
                .map(entry -> VolumeEntryMapper.toGetResponse(entry, advertised)));
    }

    @Override
    public void getCapacity(GetCapacityRequest request, StreamObserver<GetCapacityResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, GET_CAPACITY, "GetCapacity")
                .flatMap(ok -> RequestValidation.getCapacity(request, advertised))
                .flatMap(q -> useCases.getCapacity().capacity(q.capabilities(), q.parameters(), q.topology()))
                .map(CapacityMapper::toProto));
    }

    @Override
    public void controllerExpandVolume(ControllerExpandVolumeRequest request,
            StreamObserver<ControllerExpandVolumeResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, EXPAND_VOLUME, "ControllerExpandVolume")
                .flatMap(ok -> RequestValidation.expandVolume(request, advertised))
                .flatMap(e -> useCases.expandVolume().expandVolume(e.volumeId(), e.capacity(), e.capability(),
                        e.secrets()))
                .map(ExpansionMapper::toProto));
    }

    @Override
    public void createSnapshot(CreateSnapshotRequest request, StreamObserver<CreateSnapshotResponse> out) {
        Replies.send(out, require(Advertised.by(describe), CREATE_DELETE_SNAPSHOT, "CreateSnapshot")
                .flatMap(ok -> RequestValidation.createSnapshot(request))
                .flatMap(s -> useCases.createSnapshot().createSnapshot(s.name(), s.sourceVolumeId(), s.parameters(),
                        s.secrets()))
                .map(s -> CreateSnapshotResponse.newBuilder().setSnapshot(SnapshotMapper.toProto(s)).build()));
    }

    @Override
    public void deleteSnapshot(DeleteSnapshotRequest request, StreamObserver<DeleteSnapshotResponse> out) {
        Replies.send(out, require(Advertised.by(describe), CREATE_DELETE_SNAPSHOT, "DeleteSnapshot")
                .flatMap(ok -> RequestValidation.id("snapshot_id", request.getSnapshotId()))
                .flatMap(id -> RequestValidation.secrets(request.getSecretsMap())
                        .flatMap(secrets -> useCases.deleteSnapshot().deleteSnapshot(id, secrets)))
                .map(done -> DeleteSnapshotResponse.getDefaultInstance()));
    }

    @Override
    public void listSnapshots(ListSnapshotsRequest request, StreamObserver<ListSnapshotsResponse> out) {
        Replies.send(out, require(Advertised.by(describe), LIST_SNAPSHOTS, "ListSnapshots")
                .flatMap(ok -> RequestValidation.listSnapshots(request))
                .flatMap(q -> useCases.listSnapshots().listSnapshots(q.snapshotId(), q.sourceVolumeId(), q.page()))
                .map(ControllerService::snapshotPage));
    }

    @Override
    public void getSnapshot(GetSnapshotRequest request, StreamObserver<GetSnapshotResponse> out) {
        Replies.send(out, require(Advertised.by(describe), GET_SNAPSHOT, "GetSnapshot")
                .flatMap(ok -> RequestValidation.id("snapshot_id", request.getSnapshotId()))
                .flatMap(useCases.getSnapshot()::getSnapshot)
                .map(s -> GetSnapshotResponse.newBuilder().setSnapshot(SnapshotMapper.toProto(s)).build()));
    }

    @Override
    public void controllerPublishVolume(ControllerPublishVolumeRequest request,
            StreamObserver<ControllerPublishVolumeResponse> out) {
        Advertised advertised = Advertised.by(describe);
        Replies.send(out, require(advertised, PUBLISH_UNPUBLISH_VOLUME, "ControllerPublishVolume")
                .flatMap(ok -> PublishValidation.publish(request, advertised))
                .flatMap(p -> useCases.publishVolume().publish(p.volumeId(), p.node(), p.capability(), p.readOnly(),
                        p.secrets()))
                .map(context -> ControllerPublishVolumeResponse.newBuilder().putAllPublishContext(context).build()));
    }

    @Override
    public void controllerUnpublishVolume(ControllerUnpublishVolumeRequest request,
            StreamObserver<ControllerUnpublishVolumeResponse> out) {
        Replies.send(out, require(Advertised.by(describe), PUBLISH_UNPUBLISH_VOLUME, "ControllerUnpublishVolume")
                .flatMap(ok -> PublishValidation.unpublish(request))
                .flatMap(u -> useCases.unpublishVolume().unpublish(u.volumeId(), u.node(), u.secrets()))
                .map(done -> ControllerUnpublishVolumeResponse.getDefaultInstance()));
    }

    private static ListVolumesResponse volumePage(Page<VolumeEntry> page, Advertised advertised) {
        var b = ListVolumesResponse.newBuilder().setNextToken(page.nextToken());
        page.items().forEach(e -> b.addEntries(VolumeEntryMapper.toListEntry(e, advertised)));
        return b.build();
    }

    private static ListSnapshotsResponse snapshotPage(Page<Snapshot> page) {
        var b = ListSnapshotsResponse.newBuilder().setNextToken(page.nextToken());
        page.items().forEach(s -> b.addEntries(
                ListSnapshotsResponse.Entry.newBuilder().setSnapshot(SnapshotMapper.toProto(s))));
        return b.build();
    }
}
