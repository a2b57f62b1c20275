package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;

/** A validated ControllerPublishVolume request. */
public record PublishRequest(String volumeId, NodeId node, VolumeCapability capability, boolean readOnly,
        Secrets secrets) {}
