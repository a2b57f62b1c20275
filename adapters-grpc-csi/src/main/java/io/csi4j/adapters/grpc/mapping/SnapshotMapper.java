package io.csi4j.adapters.grpc.mapping;

import com.google.protobuf.Timestamp;
import io.csi4j.domain.snapshot.Snapshot;

/** Translates a domain snapshot to the CSI Snapshot message. */
public final class SnapshotMapper {

    private SnapshotMapper() {}

    public static io.csi4j.csi.v1.Snapshot toProto(Snapshot snapshot) {
        return io.csi4j.csi.v1.Snapshot.newBuilder()
                .setSnapshotId(snapshot.id().value())
                .setSourceVolumeId(snapshot.sourceVolumeId().value())
                .setSizeBytes(snapshot.sizeBytes())
                .setCreationTime(Timestamp.newBuilder()
                        .setSeconds(snapshot.creationTime().getEpochSecond())
                        .setNanos(snapshot.creationTime().getNano()))
                .setReadyToUse(snapshot.readyToUse())
                .build();
    }
}
