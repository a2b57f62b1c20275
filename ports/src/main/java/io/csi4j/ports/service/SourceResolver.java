package io.csi4j.ports.service;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.ports.in.SourceRef;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Turns the CO's content source into a checked one: the source must exist (NotFound otherwise, §3.2.3) and its
 * size is known, so the new volume is never smaller.
 */
final class SourceResolver {

    private final Backends backends;

    SourceResolver(Backends backends) {
        this.backends = backends;
    }

    record Resolved(VolumeBackend backend, ContentSource source, long sizeBytes) {}

    Either<Failure, Optional<Resolved>> resolve(Optional<SourceRef> ref) {
        if (ref.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return switch (ref.get()) {
            case SourceRef.Snapshot s -> backends.snapshot("volume_content_source.snapshot.snapshot_id", s.id())
                    .flatMap(r -> r.snapshots().get(r.id())
                            .map(snap -> Optional.of(new Resolved(r.backend(), new ContentSource.FromSnapshot(r.id()),
                                    snap.sizeBytes()))));
            case SourceRef.Volume v -> backends.volume("volume_content_source.volume.volume_id", v.id())
                    .flatMap(r -> r.backend().get(r.id())
                            .map(vol -> Optional.of(new Resolved(r.backend(), new ContentSource.FromVolume(r.id()),
                                    vol.capacityBytes()))));
        };
    }

    /** A source kind the chosen backend cannot copy from is InvalidArgument (§3.2.3). */
    Either<Failure, Done> checkSupported(VolumeBackend backend, Resolved source) {
        if (source.source() instanceof ContentSource.FromVolume && !backend.features().cloning()) {
            return Either.left(Failure.invalidArgument("backend " + backend.name() + " cannot clone volumes"));
        }
        if (source.source() instanceof ContentSource.FromSnapshot && backend.snapshots().isEmpty()) {
            return Either.left(Failure.invalidArgument("backend " + backend.name() + " cannot restore snapshots"));
        }
        return Either.right(Done.DONE);
    }
}
