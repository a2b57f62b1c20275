package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.in.CreateSnapshotUseCase;
import io.csi4j.ports.out.SnapshotSupport;
import io.vavr.control.Either;
import java.util.List;

/**
 * CSI CreateSnapshot (§3.11): idempotent by name; the same name for another source volume is ALREADY_EXISTS; a
 * missing source is NotFound. Holds the source volume's guard so it is not deleted or expanded meanwhile.
 */
public final class CreateSnapshotService implements CreateSnapshotUseCase {

    private final Backends backends;
    private final InFlight inFlight;

    public CreateSnapshotService(Backends backends, InFlight inFlight) {
        this.backends = backends;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Snapshot> createSnapshot(SnapshotName name, String sourceVolumeId, Parameters parameters,
            Secrets secrets) {
        List<String> keys = List.of(InFlight.snapshotName(name.value()), InFlight.volume(sourceVolumeId));
        return inFlight.exclusively(keys, () -> backends.volume("source_volume_id", sourceVolumeId).flatMap(r -> {
            if (r.backend().snapshots().isEmpty()) {
                return Either.left(Failure.invalidArgument("backend " + r.backend().name() + " cannot take snapshots"));
            }
            SnapshotSupport snapshots = r.backend().snapshots().get();
            return snapshots.validate(parameters)
                    .flatMap(params -> snapshots.findByName(name).flatMap(existing -> {
                        if (existing.isPresent()) {
                            return existing.get().sourceVolumeId().value().equals(r.id().value())
                                    ? Either.right(existing.get())
                                    : Either.left(Failure.alreadyExists("snapshot '" + name.value()
                                            + "' exists for another volume"));
                        }
                        return r.backend().get(r.id())
                                .flatMap(volume -> snapshots.create(name, r.id(), params, secrets));
                    }));
        }));
    }
}
