package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileStore;
import java.util.Optional;

/**
 * Creates a volume in the slot of its name, or completes the one a crashed attempt left there. What it
 * finds decides what it does (see {@link LocalBackend} for the states):
 * <ul>
 *   <li>no record, or a torn one: a fresh create. The slot is emptied, the data is made ({@code data}
 *       directly, or {@code data.part} renamed), then the record is written and forced, then the slot and
 *       the volumes directory are forced. One file fsync and two directory fsyncs; on ext4 and xfs the
 *       directory fsyncs find nothing left to commit.</li>
 *   <li>a record of this name without data: completed with its own generation when it describes the same
 *       volume as the request; otherwise nobody has seen it yet, so it is replaced by a fresh create.</li>
 *   <li>a complete volume: returned when it is the same volume, AlreadyExists otherwise.</li>
 * </ul>
 */
final class VolumeCreator {

    private final SlotStore<VolumeRecord> store;
    private final Sources sources;
    private final VolumeView view;
    private final LocalBackendConfig config;
    private final FileStore disk;

    VolumeCreator(SlotStore<VolumeRecord> store, Sources sources, VolumeView view, LocalBackendConfig config,
            FileStore disk) {
        this.store = store;
        this.sources = sources;
        this.view = view;
        this.config = config;
        this.disk = disk;
    }

    Either<Failure, Volume> create(VolumeSpec spec) {
        return ShapeRequest.of(spec.parameters(), spec.capabilities())
                .flatMap(request -> sources.of(spec.source())
                        .flatMap(source -> plan(spec, request, source)
                                .flatMap(wanted -> createLocked(wanted, source))));
    }

    private Either<Failure, Volume> createLocked(VolumeRecord wanted, Optional<Sources.Data> source) {
        Slot slot = store.slot(SlotNames.slotOf(wanted.name()));
        return store.locked(slot.name(), () -> {
            try {
                return createIn(slot, wanted, source);
            } catch (IOException e) {
                return Either.left(IoFailures.of("creating volume in " + slot.dir(), e));
            }
        });
    }

    private Either<Failure, Volume> createIn(Slot slot, VolumeRecord wanted, Optional<Sources.Data> source)
            throws IOException {
        return switch (store.read(slot)) {
            case SlotState.Present<VolumeRecord> p when !p.record().name().equals(wanted.name()) ->
                    Either.left(Failure.defect("two volume names share the slot " + slot.name()));
            case SlotState.Present<VolumeRecord> p when p.dataPresent() -> same(p.record(), wanted)
                    ? Either.right(view.of(slot, p.record()))
                    : Either.left(Failure.alreadyExists("volume " + wanted.name()
                            + " already exists with other size, parameters, capabilities or source"));
            case SlotState.Present<VolumeRecord> p when same(p.record(), wanted) -> complete(slot, p.record(), source);
            default -> fresh(slot, wanted, source);
        };
    }

    private Either<Failure, Volume> fresh(Slot slot, VolumeRecord wanted, Optional<Sources.Data> source)
            throws IOException {
        long usable = disk.getUsableSpace();
        if (wanted.capacityBytes() > usable) {
            return Either.left(Failure.exhausted("a volume of " + wanted.capacityBytes() + " bytes does not fit in the "
                    + usable + " bytes free under " + config.root()));
        }
        store.recreate(slot);
        makeData(slot, wanted, source);
        store.commit(slot, wanted.fields());
        return Either.right(view.of(slot, wanted));
    }

    private Either<Failure, Volume> complete(Slot slot, VolumeRecord recorded, Optional<Sources.Data> source)
            throws IOException {
        Trees.delete(slot.data());
        makeData(slot, recorded, source);
        store.recommit(slot);
        return Either.right(view.of(slot, recorded));
    }

    private static void makeData(Slot slot, VolumeRecord r, Optional<Sources.Data> source) throws IOException {
        if (source.isPresent()) {
            DataBuilder.copy(source.get().path(), slot, r.shape(), r.capacityBytes());
        } else {
            DataBuilder.blank(slot, r.shape(), r.capacityBytes());
        }
    }

    /** The record the request describes, after the checks the use case cannot make without our rules. */
    private Either<Failure, VolumeRecord> plan(VolumeSpec spec, ShapeRequest request, Optional<Sources.Data> source) {
        Either<Failure, Shape> shape = source.isPresent()
                ? request.from(source.get().shape())
                : Either.right(request.fresh(config.defaultFsType()));
        Topology topology = spec.placement().orElse(config.topology());
        if (!topology.equals(config.topology())) {
            return Either.left(Failure.exhausted("volumes of local backend " + config.name()
                    + " can only be placed at " + config.topology().segments()));
        }
        return shape.flatMap(s -> checkSize(spec.sizeBytes(), s, source))
                .map(s -> new VolumeRecord(spec.name().value(), SlotNames.newGeneration(), s, spec.sizeBytes(),
                        topology, spec.source(), spec.parameters()));
    }

    private Either<Failure, Shape> checkSize(long size, Shape shape, Optional<Sources.Data> source) {
        if (size < SizeRules.minimum(shape)) {
            return Either.left(Failure.outOfRange("a " + describe(shape) + " volume needs at least "
                    + SizeRules.minimum(shape) + " bytes, not " + size));
        }
        if (size > config.maximumVolumeBytes()) {
            return Either.left(Failure.outOfRange("size " + size + " exceeds the maximum volume size "
                    + config.maximumVolumeBytes()));
        }
        if (source.isPresent() && size < source.get().sizeBytes()) {
            return Either.left(Failure.outOfRange("size " + size + " is smaller than the source's "
                    + source.get().sizeBytes() + " bytes"));
        }
        return Either.right(shape);
    }

    private static String describe(Shape shape) {
        return shape.kind() == Kind.DIRECTORY ? "directory" : shape.fsType() + " image";
    }

    /** The same volume: everything but the generation equal (name, shape, size, topology, source, parameters). */
    private static boolean same(VolumeRecord recorded, VolumeRecord wanted) {
        return recorded.equals(new VolumeRecord(wanted.name(), recorded.generation(), wanted.shape(),
                wanted.capacityBytes(), wanted.topology(), wanted.source(), wanted.parameters()));
    }
}
