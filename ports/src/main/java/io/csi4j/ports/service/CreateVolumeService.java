package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Placement;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.in.CreateVolumeCommand;
import io.csi4j.ports.in.CreateVolumeUseCase;
import io.csi4j.ports.in.SourceRef;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSI CreateVolume: idempotent by name (§3.2.1) — an existing compatible volume is returned, an incompatible
 * one is ALREADY_EXISTS — with the size resolved from the capacity range and the source (§3.2.2, §3.2.3) and
 * the place chosen by the topology rules (§3.2.4). A concurrent call for the same name, or one touching the
 * same source, is answered OperationPending.
 */
public final class CreateVolumeService implements CreateVolumeUseCase {

    private final Backends backends;
    private final InFlight inFlight;
    private final SourceResolver sources;

    public CreateVolumeService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
        this.sources = new SourceResolver(backends);
    }

    @Override
    public Either<Failure, Volume> createVolume(CreateVolumeCommand c) {
        List<String> keys = new ArrayList<>(List.of(InFlight.volumeName(c.name().value())));
        c.source().ifPresent(s -> keys.add(s instanceof SourceRef.Snapshot
                ? InFlight.snapshot(s.id()) : InFlight.volume(s.id())));
        return inFlight.exclusively(keys, () -> sources.resolve(c.source())
                .flatMap(src -> BackendSelection.select(backends,
                                c.parameters().overriddenBy(c.mutableParameters()), src.map(SourceResolver.Resolved::backend))
                        .flatMap(sel -> createOn(sel.backend(), sel.parameters(), c, src))));
    }

    private Either<Failure, Volume> createOn(VolumeBackend backend, Parameters params, CreateVolumeCommand c,
            Optional<SourceResolver.Resolved> src) {
        return backend.validate(params, c.capabilities())
                .flatMap(ok -> src.isPresent() ? sources.checkSupported(backend, src.get()) : Either.right(ok))
                .flatMap(ok -> backend.findByName(c.name()))
                .flatMap(existing -> existing.isPresent()
                        ? Compatibility.check(backend, existing.get(), c, params, src.map(SourceResolver.Resolved::source))
                        : createNew(backend, params, c, src));
    }

    private Either<Failure, Volume> createNew(VolumeBackend backend, Parameters params, CreateVolumeCommand c,
            Optional<SourceResolver.Resolved> src) {
        long sourceSize = src.map(SourceResolver.Resolved::sizeBytes).orElse(0L);
        return rangeFor(c.capacity(), sourceSize)
                .flatMap(range -> range.resolve(backend.sizePolicy(params)))
                .flatMap(size -> size < sourceSize
                        ? Either.left(Failure.outOfRange("a volume from " + src.get().source().sourceId()
                                + " needs at least " + sourceSize + " bytes"))
                        : Either.right(size))
                .flatMap(size -> placement(backend, params, c).flatMap(place -> backend.create(new VolumeSpec(
                        c.name(), size, c.capabilities(), params, src.map(SourceResolver.Resolved::source), place,
                        c.secrets()))));
    }

    /** A restore or clone without a required size gets at least the source's size (§3.2.3). */
    private static Either<Failure, CapacityRange> rangeFor(CapacityRange asked, long sourceSize) {
        if (sourceSize == 0 || asked.requiredBytes() >= sourceSize) {
            return Either.right(asked);
        }
        if (asked.limitBytes() > 0 && asked.limitBytes() < sourceSize) {
            return Either.left(Failure.outOfRange("limit_bytes " + asked.limitBytes()
                    + " is smaller than the source's " + sourceSize + " bytes"));
        }
        return CapacityRange.of(sourceSize, asked.limitBytes());
    }

    private static Either<Failure, Optional<Topology>> placement(VolumeBackend backend, Parameters params,
            CreateVolumeCommand c) {
        List<Topology> places = backend.placements(params);
        if (places.isEmpty()) {
            return Either.right(Optional.empty());
        }
        return Placement.choose(places, c.topology()).map(Optional::of);
    }
}
