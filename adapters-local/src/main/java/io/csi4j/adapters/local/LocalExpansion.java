package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.ExpansionSupport;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Grows volumes online. An image's sparse file is extended first and its record rewritten after, so a crash
 * in between leaves a file larger than the record says, which the retried call finds and only records. The
 * node must then refresh the loop device and grow the filesystem (also for block access, where the loop
 * device still has the old size). A directory's size is only a record, so nothing else needs to happen.
 * Never shrinks: a request at or below the current size reports the current size.
 */
final class LocalExpansion implements ExpansionSupport {

    private final SlotStore<VolumeRecord> store;
    private final VolumeView view;
    private final LocalBackendConfig config;
    private final FileStore disk;

    LocalExpansion(SlotStore<VolumeRecord> store, VolumeView view, LocalBackendConfig config, FileStore disk) {
        this.store = store;
        this.view = view;
        this.config = config;
        this.disk = disk;
    }

    @Override
    public Either<Failure, Expansion> expand(VolumeId id, long newSizeBytes, boolean block, Secrets secrets) {
        Optional<Handle> handle = view.handle(id);
        if (handle.isEmpty()) {
            return Either.left(LocalVolumes.notFound(id));
        }
        Slot slot = store.slot(handle.get().slot());
        return store.locked(slot.name(), () -> {
            try {
                return store.find(handle.get())
                        .map(p -> grow(slot, p, newSizeBytes))
                        .orElseGet(() -> Either.left(LocalVolumes.notFound(id)));
            } catch (IOException e) {
                return Either.left(IoFailures.of("expanding the volume in " + slot.dir(), e));
            }
        });
    }

    private Either<Failure, Expansion> grow(Slot slot, SlotState.Present<VolumeRecord> p, long requested) {
        VolumeRecord r = p.record();
        boolean image = r.shape().kind() == Kind.IMAGE;
        if (requested <= r.capacityBytes()) {
            return Either.right(new Expansion(r.capacityBytes(), image));
        }
        long size = SizeRules.roundUp(requested);
        if (size < 0 || size > config.maximumVolumeBytes()) {
            return Either.left(Failure.outOfRange("size " + requested + " exceeds the maximum volume size "
                    + config.maximumVolumeBytes()));
        }
        if (image && !p.dataPresent()) {
            return Either.left(Failure.precondition("the image file of volume in " + slot.dir() + " is missing"));
        }
        try {
            long usable = disk.getUsableSpace();
            if (size - r.capacityBytes() > usable) {
                return Either.left(Failure.exhausted("growing by " + (size - r.capacityBytes())
                        + " bytes does not fit in the " + usable + " bytes free under " + config.root()));
            }
            if (image && Files.size(slot.data()) < size) {
                Durable.resize(slot.data(), size);
            }
            store.rewrite(slot, r.withCapacity(size).fields());
            return Either.right(new Expansion(size, image));
        } catch (IOException e) {
            return Either.left(IoFailures.of("expanding the volume in " + slot.dir(), e));
        }
    }
}
