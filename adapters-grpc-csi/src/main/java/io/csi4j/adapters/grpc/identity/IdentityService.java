package io.csi4j.adapters.grpc.identity;

import com.google.protobuf.BoolValue;
import io.csi4j.adapters.grpc.mapping.CapabilityMapper;
import io.csi4j.adapters.grpc.status.Replies;
import io.csi4j.csi.v1.GetPluginCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginCapabilitiesResponse;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.GetPluginInfoResponse;
import io.csi4j.csi.v1.IdentityGrpc;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ProbeResponse;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.ports.in.DescribePluginUseCase;
import io.csi4j.ports.in.ProbeUseCase;
import io.grpc.stub.StreamObserver;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Serves the CSI Identity service (CSI §2), registered in every mode. Capabilities describe the deployment as a
 * whole, so a node-mode instance reports the same set as a controller.
 */
public final class IdentityService extends IdentityGrpc.IdentityImplBase {

    private final DescribePluginUseCase describe;
    private final ProbeUseCase probe;

    public IdentityService(DescribePluginUseCase describe, ProbeUseCase probe) {
        this.describe = Objects.requireNonNull(describe, "'describe' must not be null");
        this.probe = Objects.requireNonNull(probe, "'probe' must not be null");
    }

    @Override
    public void getPluginInfo(GetPluginInfoRequest request, StreamObserver<GetPluginInfoResponse> out) {
        PluginIdentity identity = describe.identity();
        Replies.send(out, Either.right(GetPluginInfoResponse.newBuilder()
                .setName(identity.name())
                .setVendorVersion(identity.version())
                .build()));
    }

    @Override
    public void getPluginCapabilities(GetPluginCapabilitiesRequest request,
            StreamObserver<GetPluginCapabilitiesResponse> out) {
        Replies.send(out, Either.right(CapabilityMapper.plugin(describe.pluginCapabilities())));
    }

    @Override
    public void probe(ProbeRequest request, StreamObserver<ProbeResponse> out) {
        Replies.send(out, answer(probe.probe()));
    }

    /**
     * CSI §2.3: ready → ready=true; still initialising → OK with ready explicitly false (an unset wrapper would
     * mean ready); unhealthy or a dependency missing → FAILED_PRECONDITION with the detail.
     */
    static Either<Failure, ProbeResponse> answer(Health health) {
        return switch (health) {
            case Health.Ready r -> Either.right(ProbeResponse.newBuilder().setReady(BoolValue.of(true)).build());
            case Health.Starting s -> Either.right(ProbeResponse.newBuilder().setReady(BoolValue.of(false)).build());
            case Health.Broken b -> Either.left(Failure.precondition(b.detail()));
        };
    }
}
