package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.volume.Secrets;
import java.util.Optional;

/** A validated ControllerUnpublishVolume request; no node means every node. */
public record UnpublishRequest(String volumeId, Optional<NodeId> node, Secrets secrets) {}
