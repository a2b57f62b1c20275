package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.ContentSource;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the data a new volume or snapshot is copied from: an existing volume or snapshot of this backend. */
final class Sources {

    /** Data to copy: its shape, the size of the object it belongs to, and where it lies. */
    record Data(Shape shape, long sizeBytes, Path path) {}

    private final BackendName backend;
    private final SlotStore<VolumeRecord> volumes;
    private final SlotStore<SnapshotRecord> snapshots;

    Sources(BackendName backend, SlotStore<VolumeRecord> volumes, SlotStore<SnapshotRecord> snapshots) {
        this.backend = backend;
        this.volumes = volumes;
        this.snapshots = snapshots;
    }

    Either<Failure, Optional<Data>> of(Optional<ContentSource> source) {
        if (source.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return switch (source.get()) {
            case ContentSource.FromVolume v -> volume(v.volumeId()).map(Optional::of);
            case ContentSource.FromSnapshot s -> snapshot(s.snapshotId()).map(Optional::of);
        };
    }

    /** A volume with its data; NotFound when absent, FailedPrecondition when its data has vanished. */
    Either<Failure, Data> volume(VolumeId id) {
        Optional<Handle> handle = Handle.of(backend, id);
        if (handle.isEmpty()) {
            return Either.left(Failure.notFound("source volume " + id.value() + " does not exist"));
        }
        Slot slot = volumes.slot(handle.get().slot());
        try {
            Optional<SlotState.Present<VolumeRecord>> found = volumes.find(handle.get());
            if (found.isEmpty()) {
                return Either.left(Failure.notFound("source volume " + id.value() + " does not exist"));
            }
            if (!found.get().dataPresent()) {
                return Either.left(Failure.precondition("the data of source volume " + id.value() + " is missing"));
            }
            VolumeRecord r = found.get().record();
            return Either.right(new Data(r.shape(), r.capacityBytes(), slot.data()));
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    /** A snapshot that has been cut; NotFound otherwise. */
    Either<Failure, Data> snapshot(SnapshotId id) {
        Optional<Handle> handle = Handle.of(backend, id);
        if (handle.isEmpty()) {
            return Either.left(Failure.notFound("source snapshot " + id.value() + " does not exist"));
        }
        Slot slot = snapshots.slot(handle.get().slot());
        try {
            return snapshots.find(handle.get()).filter(SlotState.Present::dataPresent)
                    .map(p -> Either.<Failure, Data>right(
                            new Data(p.record().shape(), p.record().sizeBytes(), slot.data())))
                    .orElseGet(() -> Either.left(Failure.notFound("source snapshot " + id.value() + " does not exist")));
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }
}
