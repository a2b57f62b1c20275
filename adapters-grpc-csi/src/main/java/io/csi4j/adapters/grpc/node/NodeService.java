package io.csi4j.adapters.grpc.node;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.adapters.grpc.mapping.NodeMapper;
import io.csi4j.adapters.grpc.status.Replies;
import io.csi4j.adapters.grpc.validation.NodeRequestValidation;
import io.csi4j.csi.v1.NodeExpandVolumeRequest;
import io.csi4j.csi.v1.NodeExpandVolumeResponse;
import io.csi4j.csi.v1.NodeGetCapabilitiesRequest;
import io.csi4j.csi.v1.NodeGetCapabilitiesResponse;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.NodeGetInfoResponse;
import io.csi4j.csi.v1.NodeGetVolumeStatsRequest;
import io.csi4j.csi.v1.NodeGetVolumeStatsResponse;
import io.csi4j.csi.v1.NodeGrpc;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodePublishVolumeResponse;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeResponse;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeResponse;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeResponse;
import io.csi4j.domain.capability.NodeCapability;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.grpc.stub.StreamObserver;
import io.vavr.control.Either;
import java.util.Objects;

/** Serves the CSI Node service: validate, translate, call the node use case, translate back (CSI §4). */
public final class NodeService extends NodeGrpc.NodeImplBase {

    private final NodeVolumeUseCases useCases;
    private final DescribePluginUseCase plugin;

    public NodeService(NodeVolumeUseCases useCases, DescribePluginUseCase plugin) {
        this.useCases = Objects.requireNonNull(useCases, "'useCases' must not be null");
        this.plugin = Objects.requireNonNull(plugin, "'plugin' must not be null");
    }

    @Override
    public void nodeStageVolume(NodeStageVolumeRequest request, StreamObserver<NodeStageVolumeResponse> out) {
        Replies.send(out, NodeRequestValidation.stage(request, Advertised.by(plugin))
                .flatMap(useCases.stage()::stage)
                .map(done -> NodeStageVolumeResponse.getDefaultInstance()));
    }

    @Override
    public void nodeUnstageVolume(NodeUnstageVolumeRequest request, StreamObserver<NodeUnstageVolumeResponse> out) {
        Replies.send(out, NodeRequestValidation.volumeAt(request.getVolumeId(), "staging_target_path",
                        request.getStagingTargetPath(), "")
                .flatMap(v -> useCases.unstage().unstage(v.volumeId(), v.path()))
                .map(done -> NodeUnstageVolumeResponse.getDefaultInstance()));
    }

    @Override
    public void nodePublishVolume(NodePublishVolumeRequest request, StreamObserver<NodePublishVolumeResponse> out) {
        Replies.send(out, NodeRequestValidation.publish(request, Advertised.by(plugin))
                .flatMap(useCases.publish()::publish)
                .map(done -> NodePublishVolumeResponse.getDefaultInstance()));
    }

    @Override
    public void nodeUnpublishVolume(NodeUnpublishVolumeRequest request,
            StreamObserver<NodeUnpublishVolumeResponse> out) {
        Replies.send(out, NodeRequestValidation.volumeAt(request.getVolumeId(), "target_path", request.getTargetPath(), "")
                .flatMap(v -> useCases.unpublish().unpublish(v.volumeId(), v.path()))
                .map(done -> NodeUnpublishVolumeResponse.getDefaultInstance()));
    }

    @Override
    public void nodeGetVolumeStats(NodeGetVolumeStatsRequest request, StreamObserver<NodeGetVolumeStatsResponse> out) {
        boolean condition = useCases.describe().capabilities().contains(NodeCapability.VOLUME_CONDITION);
        Replies.send(out, NodeRequestValidation.volumeAt(request.getVolumeId(), "volume_path", request.getVolumePath(),
                        request.getStagingTargetPath())
                .flatMap(v -> useCases.stats().stats(v.volumeId(), v.path(), v.stagingPath()))
                .map(s -> NodeMapper.stats(s, condition)));
    }

    @Override
    public void nodeExpandVolume(NodeExpandVolumeRequest request, StreamObserver<NodeExpandVolumeResponse> out) {
        Either<Failure, Long> grown = NodeRequestValidation.expand(request, Advertised.by(plugin))
                .flatMap(e -> useCases.expand().expand(e.volume().volumeId(), e.volume().path(),
                        e.volume().stagingPath(), e.capacity(), e.capability()));
        Replies.send(out, grown.map(bytes -> NodeExpandVolumeResponse.newBuilder().setCapacityBytes(bytes).build()));
    }

    @Override
    public void nodeGetCapabilities(NodeGetCapabilitiesRequest request, StreamObserver<NodeGetCapabilitiesResponse> out) {
        Replies.send(out, Either.right(NodeMapper.capabilities(useCases.describe().capabilities())));
    }

    @Override
    public void nodeGetInfo(NodeGetInfoRequest request, StreamObserver<NodeGetInfoResponse> out) {
        Replies.send(out, Either.right(NodeMapper.info(useCases.describe(), Advertised.by(plugin).topology())));
    }
}
