package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.SizePolicy;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.ports.out.BackendFeatures;
import io.csi4j.ports.out.ExpansionSupport;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded default backend: volumes under a root directory of the node that owns it, either as plain
 * directories (any access mode; the size is recorded and reported but not enforced — a directory volume can
 * fill the whole disk) or as sparse image files of exactly the volume's size, formatted by the node with
 * ext4 or xfs or used raw as block devices. Snapshots are independent copies.
 *
 * <p><b>Layout.</b> {@code <root>/volumes/<slot>/} and {@code <root>/snapshots/<slot>/}, where the slot is
 * a hash of the CO's name (see {@link SlotNames}), each holding {@code record} (a checksummed key=value
 * file, see {@link RecordCodec}), {@code data} (the directory or image), and transiently {@code data.part}
 * and {@code record.tmp}. The id is {@code <backend>:v1-<slot>-<generation>} (snapshots {@code v1-s...}), so
 * a name, an id, and a record each lead to one path: no index, no in-memory registry, and no operation but
 * listing reads a directory.
 *
 * <p><b>States of a slot</b> after a crash at any point, and who completes or undoes them:
 * <ol>
 *   <li>No slot directory, or a directory without {@code record} (maybe with {@code data}, {@code data.part}
 *       or {@code record.tmp}): nothing exists. A create of the name empties it and starts afresh; a delete of
 *       any id of the slot removes it. Lookups do not see it. Reached by a create cut short before its record
 *       was written, or by a delete cut short after it removed the record.</li>
 *   <li>A torn or malformed {@code record}: a create cut short while writing it (the record is written in
 *       place and rejected by its checksum). Treated like state 1, except that the volume condition of an id
 *       in this slot reports it abnormal.</li>
 *   <li>A complete {@code record} but no {@code data}: a create whose record reached the disk before its data
 *       (file systems that do not order metadata updates), or a volume whose data someone removed. The
 *       retried create of the same volume remakes the data with the recorded generation; a create with other
 *       arguments replaces it. get and list return it and its condition is abnormal; a name lookup does not
 *       return it, so that the create gets to complete it. For a snapshot this state is "not cut": invisible
 *       to get, list and name lookups.</li>
 *   <li>A complete {@code record} and {@code data}: the object exists. A stale {@code record.tmp} (expansion
 *       cut short) is ignored and overwritten by the next rewrite. An image longer than its recorded size is
 *       an expansion cut short, which the retried expansion records.</li>
 * </ol>
 * A delete compares the generation in the id with the record's and leaves a newer volume of the same name
 * alone; it removes the record first, then the rest, then forces the parent, so a volume never reappears
 * after a crash once the delete answered.
 *
 * <p><b>Durability cost.</b> A create of a directory volume forces one file (the record) and two
 * directories; a delete forces one directory. Images add one file force, copies force every file copied.
 */
public final class LocalBackend implements VolumeBackend {

    private final LocalBackendConfig config;
    private final Path root;
    private final LocalVolumes volumes;
    private final VolumeCreator creator;
    private final LocalSnapshots snapshots;
    private final LocalExpansion expansion;
    private final FileStore disk;

    private LocalBackend(LocalBackendConfig config, Path root, FileStore disk, Clock clock) {
        this.config = config;
        this.root = root;
        this.disk = disk;
        VolumeView view = new VolumeView(config.name());
        SlotStore<VolumeRecord> volumeStore = new SlotStore<>(root.resolve(Layout.VOLUMES), VolumeRecord::from);
        SlotStore<SnapshotRecord> snapshotStore = new SlotStore<>(root.resolve(Layout.SNAPSHOTS), SnapshotRecord::from);
        Sources sources = new Sources(config.name(), volumeStore, snapshotStore);
        this.volumes = new LocalVolumes(volumeStore, view);
        this.creator = new VolumeCreator(volumeStore, sources, view, config, disk);
        this.snapshots = new LocalSnapshots(config.name(), snapshotStore, sources, clock);
        this.expansion = new LocalExpansion(volumeStore, view, config, disk);
    }

    /**
     * Checks the configuration and the root, and creates the layout under the root if it is missing. A root
     * that does not exist, is not a directory or is not writable is an InvalidArgument naming it.
     */
    public static Either<Failure, LocalBackend> open(LocalBackendConfig config) {
        return open(config, Clock.systemUTC());
    }

    static Either<Failure, LocalBackend> open(LocalBackendConfig config, Clock clock) {
        return config.check().flatMap(c -> Layout.prepare(c.name(), c.root())).flatMap(root -> {
            try {
                return Either.right(new LocalBackend(config, root, Files.getFileStore(root), clock));
            } catch (IOException e) {
                return Either.left(Failure.invalidArgument("local backend " + config.name()
                        + ": cannot read the file system of root " + root + ": " + e.getMessage()));
            }
        });
    }

    /** How this backend was set up (its root and topology are what node plugins on this node confine to). */
    public LocalBackendConfig config() {
        return config;
    }

    @Override
    public BackendName name() {
        return config.name();
    }

    @Override
    public BackendFeatures features() {
        return new BackendFeatures("local", true, true, true);
    }

    @Override
    public Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities) {
        return ShapeRequest.of(parameters, capabilities).map(r -> Done.DONE);
    }

    @Override
    public SizePolicy sizePolicy(Parameters parameters) {
        return SizeRules.policy(parameters, config);
    }

    /** Every volume lives on the node that owns the root. */
    @Override
    public List<Topology> placements(Parameters parameters) {
        return List.of(config.topology());
    }

    @Override
    public Either<Failure, Optional<Volume>> findByName(VolumeName name) {
        return volumes.findByName(name);
    }

    /** Every record holds the creation parameters, so an empty set means "created without parameters". */
    @Override
    public boolean recordsParameters() {
        return true;
    }

    @Override
    public Either<Failure, Volume> create(VolumeSpec spec) {
        return creator.create(spec);
    }

    @Override
    public Either<Failure, Volume> get(VolumeId id) {
        return volumes.get(id);
    }

    @Override
    public Either<Failure, Done> delete(VolumeId id, Secrets secrets) {
        return volumes.delete(id);
    }

    @Override
    public Either<Failure, Page<Volume>> list(PageRequest request) {
        return volumes.list(request);
    }

    @Override
    public Either<Failure, Done> supports(Volume volume, VolumeCapability capability) {
        return VolumeView.shapeOf(volume)
                .map(shape -> shape.serves(capability))
                .orElseGet(() -> Either.left(Failure.invalidArgument("volume " + volume.id().value()
                        + " does not describe a local directory or image")));
    }

    /**
     * Free space of the root's file system; the largest volume is the configured maximum or the free space,
     * whichever is smaller, rounded down to the 1 MiB allocation unit. A place other than this node has none.
     */
    @Override
    public Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement) {
        if (placement.isPresent() && !config.topology().isWithin(placement.get())) {
            return Either.right(CapacityReport.none());
        }
        try {
            long usable = disk.getUsableSpace();
            SizePolicy policy = sizePolicy(parameters);
            long largest = Math.min(policy.maximumBytes(), usable) / SizeRules.MIB * SizeRules.MIB;
            return Either.right(new CapacityReport(usable, OptionalLong.of(largest),
                    OptionalLong.of(policy.minimumBytes())));
        } catch (IOException e) {
            return Either.left(IoFailures.of("reading free space under " + root, e));
        }
    }

    @Override
    public Either<Failure, VolumeCondition> condition(VolumeId id) {
        return volumes.condition(id);
    }

    @Override
    public Health probe() {
        return Layout.check(root);
    }

    @Override
    public Optional<SnapshotSupport> snapshots() {
        return Optional.of(snapshots);
    }

    @Override
    public Optional<ExpansionSupport> expansion() {
        return Optional.of(expansion);
    }
}
