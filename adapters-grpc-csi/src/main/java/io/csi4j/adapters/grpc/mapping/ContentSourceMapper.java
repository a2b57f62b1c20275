package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.ports.in.SourceRef;
import io.vavr.control.Either;

/** Translates a CreateVolume content source to a raw {@link SourceRef}, and a volume's source back for echoing. */
public final class ContentSourceMapper {

    private static final String FIELD = "volume_content_source";

    private ContentSourceMapper() {}

    /** CSI §3.2: inside a present source exactly one of snapshot or volume is set; neither is INVALID_ARGUMENT. */
    public static Either<Failure, SourceRef> toDomain(VolumeContentSource proto) {
        return switch (proto.getTypeCase()) {
            case SNAPSHOT -> Text.checkId(FIELD + ".snapshot.snapshot_id", proto.getSnapshot().getSnapshotId())
                    .map(SourceRef.Snapshot::new);
            case VOLUME -> Text.checkId(FIELD + ".volume.volume_id", proto.getVolume().getVolumeId())
                    .map(SourceRef.Volume::new);
            case TYPE_NOT_SET -> Either.left(Failure.invalidArgument(FIELD + " names neither a snapshot nor a volume"));
        };
    }

    public static VolumeContentSource toProto(ContentSource source) {
        var b = VolumeContentSource.newBuilder();
        switch (source) {
            case ContentSource.FromSnapshot s -> b.setSnapshot(
                    VolumeContentSource.SnapshotSource.newBuilder().setSnapshotId(s.snapshotId().value()));
            case ContentSource.FromVolume v -> b.setVolume(
                    VolumeContentSource.VolumeSource.newBuilder().setVolumeId(v.volumeId().value()));
        }
        return b.build();
    }
}
