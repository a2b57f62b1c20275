package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCondition;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Looking volumes up (by name, by id, page by page), judging their condition, and deleting them, all from
 * the slots on disk.
 */
final class LocalVolumes {

    private final SlotStore<VolumeRecord> store;
    private final VolumeView view;

    LocalVolumes(SlotStore<VolumeRecord> store, VolumeView view) {
        this.store = store;
        this.view = view;
    }

    /** Only a complete volume (record and data) counts: anything less is a create to be completed. */
    Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        Slot slot = store.slot(SlotNames.slotOf(name.value()));
        try {
            if (store.read(slot) instanceof SlotState.Present<VolumeRecord> p && p.dataPresent()
                    && p.record().name().equals(name.value())) {
                return Either.right(Optional.of(view.of(slot, p.record())));
            }
            return Either.right(Optional.empty());
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    /** A volume whose data has vanished is still found here, so that its condition can report it. */
    Either<Failure, Volume> get(VolumeId id) {
        Optional<Handle> handle = view.handle(id);
        if (handle.isEmpty()) {
            return Either.left(notFound(id));
        }
        Slot slot = store.slot(handle.get().slot());
        try {
            return store.find(handle.get()).map(p -> Either.<Failure, Volume>right(view.of(slot, p.record())))
                    .orElseGet(() -> Either.left(notFound(id)));
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    /** Ids this backend could not have issued are unknown, and deleting the unknown is Done (CSI §3.3). */
    Either<Failure, Done> delete(VolumeId id) {
        return view.handle(id).map(store::delete).orElseGet(() -> Either.right(Done.DONE));
    }

    Either<Failure, Page<Volume>> list(PageRequest request) {
        return store.list(request, (slot, state) -> state instanceof SlotState.Present<VolumeRecord> p
                ? Optional.of(view.of(slot, p.record()))
                : Optional.empty());
    }

    /**
     * Abnormal when the record is unreadable, the data is missing or of the wrong type, or an image is
     * shorter than the volume; NotFound when there is no volume with this id.
     */
    Either<Failure, VolumeCondition> condition(VolumeId id) {
        Optional<Handle> handle = view.handle(id);
        if (handle.isEmpty()) {
            return Either.left(notFound(id));
        }
        Slot slot = store.slot(handle.get().slot());
        try {
            return switch (store.read(slot)) {
                case SlotState.Empty<VolumeRecord> e -> Either.left(notFound(id));
                case SlotState.Unreadable<VolumeRecord> u -> Either.right(VolumeCondition.abnormal(
                        "the volume's record is unreadable: " + u.reason()));
                case SlotState.Present<VolumeRecord> p when !p.record().generation().equals(handle.get().generation())
                        -> Either.left(notFound(id));
                case SlotState.Present<VolumeRecord> p -> Either.right(judge(slot, p));
            };
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading " + slot.record(), e));
        }
    }

    private static VolumeCondition judge(Slot slot, SlotState.Present<VolumeRecord> p) throws IOException {
        boolean image = p.record().shape().kind() == Kind.IMAGE;
        if (!p.dataPresent()) {
            return VolumeCondition.abnormal("the volume's data " + (image ? "image file" : "directory")
                    + " is missing");
        }
        if (image && Files.size(slot.data()) < p.record().capacityBytes()) {
            return VolumeCondition.abnormal("the volume's image file is smaller than the volume");
        }
        return VolumeCondition.healthy("the volume's data is present");
    }

    static Failure notFound(VolumeId id) {
        return Failure.notFound("volume " + id.value() + " does not exist");
    }
}
