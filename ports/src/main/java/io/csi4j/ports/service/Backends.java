package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.Text;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.ports.out.SnapshotSupport;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backends one process serves, in configuration order, and the one place that routes an id to the
 * backend that owns it: a native id names its backend first; a foreign id (written by a driver we replace) is
 * offered to each backend in turn.
 */
public final class Backends {

    private final Map<BackendName, VolumeBackend> byName = new LinkedHashMap<>();
    private final Optional<BackendName> defaultBackend;

    /**
     * @param backends in configuration order; names must be unique
     * @param defaultBackend the backend for requests that name none; defaults to the only backend when there is one
     */
    public Backends(List<VolumeBackend> backends, Optional<BackendName> defaultBackend) {
        for (VolumeBackend b : backends) {
            if (byName.put(b.name(), b) != null) {
                throw new IllegalArgumentException("two backends are named " + b.name());
            }
        }
        if (defaultBackend.isPresent() && !byName.containsKey(defaultBackend.get())) {
            throw new IllegalArgumentException("the default backend " + defaultBackend.get() + " is not configured");
        }
        this.defaultBackend = defaultBackend.or(() -> backends.size() == 1
                ? Optional.of(backends.getFirst().name()) : Optional.empty());
    }

    public List<VolumeBackend> all() {
        return List.copyOf(byName.values());
    }

    public Optional<VolumeBackend> named(BackendName name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<VolumeBackend> defaultBackend() {
        return defaultBackend.map(byName::get);
    }

    /** A volume id resolved to its backend. */
    public record RoutedVolume(VolumeBackend backend, VolumeId id) {}

    /** A snapshot id resolved to its backend and that backend's snapshot support. */
    public record RoutedSnapshot(VolumeBackend backend, SnapshotSupport snapshots, SnapshotId id) {}

    /**
     * Routes a raw volume id. InvalidArgument when it is not a well-formed id at all (too long, control
     * characters); NotFound when well-formed but no backend owns it.
     */
    public Either<Failure, RoutedVolume> volume(String field, String raw) {
        return Text.checkId(field, raw).flatMap(checked -> {
            Either<Failure, VolumeId> nativeId = VolumeId.parse(field, checked);
            if (nativeId.isRight() && byName.containsKey(nativeId.get().backend())) {
                return Either.right(new RoutedVolume(byName.get(nativeId.get().backend()), nativeId.get()));
            }
            for (VolumeBackend b : byName.values()) {
                Optional<VolumeId> foreign = b.recogniseForeignId(checked);
                if (foreign.isPresent()) {
                    return Either.right(new RoutedVolume(b, foreign.get()));
                }
            }
            return Either.left(Failure.notFound("no backend owns volume " + Printable.of(checked)));
        });
    }

    /**
     * Routes a raw snapshot id, as {@link #volume} does; NotFound also when the owning backend has no
     * snapshots.
     */
    public Either<Failure, RoutedSnapshot> snapshot(String field, String raw) {
        return Text.checkId(field, raw).flatMap(checked -> {
            Either<Failure, SnapshotId> nativeId = SnapshotId.parse(field, checked);
            if (nativeId.isRight() && byName.containsKey(nativeId.get().backend())) {
                VolumeBackend b = byName.get(nativeId.get().backend());
                return b.snapshots()
                        .<Either<Failure, RoutedSnapshot>>map(s -> Either.right(new RoutedSnapshot(b, s, nativeId.get())))
                        .orElseGet(() -> Either.left(Failure.notFound("snapshot " + Printable.of(checked)
                                + " does not exist: backend " + b.name() + " has no snapshots")));
            }
            for (VolumeBackend b : byName.values()) {
                Optional<SnapshotSupport> s = b.snapshots();
                Optional<SnapshotId> foreign = s.flatMap(x -> x.recogniseForeignId(checked));
                if (foreign.isPresent()) {
                    return Either.right(new RoutedSnapshot(b, s.get(), foreign.get()));
                }
            }
            return Either.left(Failure.notFound("no backend owns snapshot " + Printable.of(checked)));
        });
    }
}
