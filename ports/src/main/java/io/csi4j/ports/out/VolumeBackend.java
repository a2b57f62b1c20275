package io.csi4j.ports.out;

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
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * A storage system that provisions volumes: the out-port every backend implements (local disk, IntelliFlash,
 * Hammerspace, ...). Calls for different names and handles may run concurrently; the caller never runs two
 * calls for the same name or handle at once. Every method decides from the storage's real state, never from
 * memory, so that a restarted process converges. Optional capabilities are reached through {@link #snapshots()},
 * {@link #expansion()}, {@link #publishing()} and {@link #dataPaths()}.
 */
public interface VolumeBackend {

    /** The configured name; the first part of every id this backend issues. */
    BackendName name();

    /** Static facts about what this backend offers, used to compute the advertised capabilities. */
    BackendFeatures features();

    /**
     * Checks a create request's shape before anything is touched: unknown parameter keys, bad values, and
     * capabilities that volumes with these parameters cannot serve are InvalidArgument. Pure; no I/O.
     */
    Either<Failure, Done> validate(Parameters parameters, List<VolumeCapability> capabilities);

    /** The sizes volumes with these (validated) parameters can have. */
    SizePolicy sizePolicy(Parameters parameters);

    /**
     * The places a new volume with these parameters could live, best first; an empty list means the backend
     * has no topology (reachable from everywhere).
     */
    List<Topology> placements(Parameters parameters);

    /** The volume created under this request name, if any; never creates. */
    Either<Failure, Optional<Volume>> findByName(VolumeName name);

    /**
     * Whether {@link Volume#parameters()} of this backend's volumes are always the parameters they were created
     * with, so that empty means "created without parameters" rather than "not known" (volumes made by another
     * driver, or outside the CO). Idempotency checks compare parameters only when they are known.
     */
    default boolean recordsParameters() {
        return false;
    }

    /**
     * Creates the volume described, or completes one that a crashed attempt left half-made under the same
     * name; idempotent by name. A content source that does not exist is NotFound; no room is CapacityExhausted.
     */
    Either<Failure, Volume> create(VolumeSpec spec);

    /** The volume with this id; NotFound when absent or when the handle is not one this backend could issue. */
    Either<Failure, Volume> get(VolumeId id);

    /**
     * Deletes the volume and everything the backend made for it; Done when it is already absent.
     * FailedPrecondition, with nothing changed, when something still depends on it.
     */
    Either<Failure, Done> delete(VolumeId id, Secrets secrets);

    /** Volumes in a stable order, starting after the request's token; InvalidToken for a token it did not issue. */
    Either<Failure, Page<Volume>> list(PageRequest request);

    /** Whether an existing volume can serve the capability; InvalidArgument says why not. */
    Either<Failure, Done> supports(Volume volume, VolumeCapability capability);

    /** Room for new volumes with these parameters at this place (0 available when the place is not ours). */
    Either<Failure, CapacityReport> capacity(Parameters parameters, Optional<Topology> placement);

    /** The controller's view of an existing volume's health; NotFound when absent. */
    Either<Failure, VolumeCondition> condition(VolumeId id);

    /** Whether the backend can serve calls now: reachable, configured, its tools present. Cheap; may cache. */
    Health probe();

    /**
     * Recognises an id written by the driver this backend replaces (for instance {@code /share} or
     * {@code config:project:name}) and returns it as a foreign id of this backend; empty when it is not one.
     */
    default Optional<VolumeId> recogniseForeignId(String raw) {
        return Optional.empty();
    }

    /**
     * What ControllerPublish needs to know about nodes beyond their name; node plugins discover these facts (only
     * when some configured backend needs them) and report them in their node id.
     */
    default java.util.Set<NodeFact> nodeFacts() {
        return java.util.Set.of();
    }

    /** Snapshot operations, when the backend has them. */
    default Optional<SnapshotSupport> snapshots() {
        return Optional.empty();
    }

    /** Controller-side publication to nodes (export rules, LUN mappings), when the backend needs it. */
    default Optional<PublishSupport> publishing() {
        return Optional.empty();
    }

    /** Controller-side growth of volumes, when the backend has it. */
    default Optional<ExpansionSupport> expansion() {
        return Optional.empty();
    }

    /**
     * For nodes: the data path of a volume whose context carries none (made by the driver this backend replaces),
     * when the backend can tell it.
     */
    default Optional<DataPathLookup> dataPaths() {
        return Optional.empty();
    }
}
