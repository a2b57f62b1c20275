package io.csi4j.adapters.grpc.validation;

import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;

/** A validated CreateSnapshot request; the source volume id is raw, for the use case to route. */
public record SnapshotRequest(SnapshotName name, String sourceVolumeId, Parameters parameters, Secrets secrets) {}
