package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.SnapshotSupport;
import io.vavr.control.Either;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshots as independent copies under {@code snapshots/}: a directory tree copy or a sparse (reflinked
 * where the file system can) copy of the image, in slots named after the snapshot name, with the same
 * record, crash and deletion rules as volumes. A snapshot is ready as soon as it exists, and it outlives
 * its source volume. The copy is not atomic: what the workload writes while it runs (into a directory, or into
 * an image chunk by chunk) may be caught half-way, as with any copy of a live file system; a consistent
 * snapshot needs a quiesced workload (which the CO may arrange by freezing it).
 */
final class LocalSnapshots implements SnapshotSupport {

    private final BackendName backend;
    private final SlotStore<SnapshotRecord> store;
    private final Sources sources;
    private final Clock clock;

    LocalSnapshots(BackendName backend, SlotStore<SnapshotRecord> store, Sources sources, Clock clock) {
        this.backend = backend;
        this.store = store;
        this.sources = sources;
        this.clock = clock;
    }

    /** Local snapshots take no parameters besides the informative Kubernetes ones. */
    @Override
    public Either<Failure, Parameters> validate(Parameters parameters) {
        Set<String> unknown = parameters.unknownKeys(Set.of());
        if (!unknown.isEmpty()) {
            return Either.left(Failure.invalidArgument("snapshot parameter '" + Printable.of(unknown.iterator().next())
                    + "' is not known to the local backend (it takes none)"));
        }
        return Either.right(parameters);
    }

    @Override
    public Either<Failure, Optional<Snapshot>> findByName(SnapshotName name) {
        Slot slot = store.slot(SlotNames.slotOf(name.value()));
        try {
            if (store.read(slot) instanceof SlotState.Present<SnapshotRecord> p && p.dataPresent()
                    && p.record().name().equals(name.value())) {
                return Either.right(Optional.of(snapshot(slot, p.record())));
            }
            return Either.right(Optional.empty());
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    @Override
    public Either<Failure, Snapshot> create(SnapshotName name, VolumeId source, Parameters parameters,
            Secrets secrets) {
        return validate(parameters).flatMap(p -> sources.volume(source)).flatMap(data -> {
            SnapshotRecord wanted = new SnapshotRecord(name.value(), SlotNames.newGeneration(), source, data.shape(),
                    data.sizeBytes(), clock.instant());
            Slot slot = store.slot(SlotNames.slotOf(name.value()));
            return store.locked(slot.name(), () -> {
                try {
                    return createIn(slot, wanted, data);
                } catch (IOException e) {
                    return Either.left(IoFailures.of("creating snapshot in " + slot.dir(), e));
                }
            });
        });
    }

    /** Same states as a volume create; "the same snapshot" means the same source volume. */
    private Either<Failure, Snapshot> createIn(Slot slot, SnapshotRecord wanted, Sources.Data data)
            throws IOException {
        return switch (store.read(slot)) {
            case SlotState.Present<SnapshotRecord> p when !p.record().name().equals(wanted.name()) ->
                    Either.left(Failure.defect("two snapshot names share the slot " + slot.name()));
            case SlotState.Present<SnapshotRecord> p when p.dataPresent() -> p.record().source().equals(wanted.source())
                    ? Either.right(snapshot(slot, p.record()))
                    : Either.left(Failure.alreadyExists("snapshot " + wanted.name() + " already exists for volume "
                            + p.record().source().value()));
            case SlotState.Present<SnapshotRecord> p when p.record().source().equals(wanted.source()) -> {
                Trees.delete(slot.data());
                DataBuilder.copy(data.path(), slot, p.record().shape(), 0);
                store.recommit(slot);
                yield Either.right(snapshot(slot, p.record()));
            }
            default -> {
                store.recreate(slot);
                DataBuilder.copy(data.path(), slot, wanted.shape(), 0);
                store.commit(slot, wanted.fields());
                yield Either.right(snapshot(slot, wanted));
            }
        };
    }

    @Override
    public Either<Failure, Snapshot> get(SnapshotId id) {
        Optional<Handle> handle = handle(id);
        if (handle.isEmpty()) {
            return Either.left(notFound(id));
        }
        Slot slot = store.slot(handle.get().slot());
        try {
            return store.find(handle.get()).filter(SlotState.Present::dataPresent)
                    .map(p -> Either.<Failure, Snapshot>right(snapshot(slot, p.record())))
                    .orElseGet(() -> Either.left(notFound(id)));
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    /** Restored volumes are copies, so nothing ever depends on a snapshot: deleting one is always allowed. */
    @Override
    public Either<Failure, Done> delete(SnapshotId id, Secrets secrets) {
        return handle(id).map(store::delete).orElseGet(() -> Either.right(Done.DONE));
    }

    /** Snapshots not yet cut (a record without data) are never listed (CSI §3.13). */
    @Override
    public Either<Failure, Page<Snapshot>> list(Optional<VolumeId> source, PageRequest request) {
        return store.list(request, (slot, state) -> state instanceof SlotState.Present<SnapshotRecord> p
                        && p.dataPresent() && source.map(p.record().source()::equals).orElse(true)
                ? Optional.of(snapshot(slot, p.record()))
                : Optional.empty());
    }

    private Optional<Handle> handle(SnapshotId id) {
        return Handle.of(backend, id);
    }

    private Snapshot snapshot(Slot slot, SnapshotRecord r) {
        SnapshotId id = new SnapshotId(backend, new Handle(slot.name(), r.generation()).snapshotForm());
        return new Snapshot(id, Optional.of(new SnapshotName(r.name())), r.source(), r.sizeBytes(), r.created(), true);
    }

    private static Failure notFound(SnapshotId id) {
        return Failure.notFound("snapshot " + id.value() + " does not exist");
    }
}
