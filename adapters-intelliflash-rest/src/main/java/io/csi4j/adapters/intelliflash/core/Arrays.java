package io.csi4j.adapters.intelliflash.core;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arrays one backend may use, by configuration name, in configuration order (the first is the default). */
public final class Arrays {

    private final Map<String, Array> byName = new LinkedHashMap<>();

    public Arrays(List<Array> arrays) {
        arrays.forEach(a -> byName.put(a.name(), a));
    }

    public List<Array> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Array> named(String configName) {
        return Optional.ofNullable(byName.get(configName));
    }

    /** The array of a volume id; NotFound for a name that is not configured. */
    public Either<Failure, Array> of(DatasetRef ref) {
        return named(ref.configName()).<Either<Failure, Array>>map(Either::right)
                .orElseGet(() -> Either.left(Failure.notFound("no array is configured as '" + ref.configName() + "'")));
    }

    /**
     * The array a new volume goes to: the one in the chosen place when there is one, else the StorageClass's
     * {@code configName}, else the first configured.
     */
    public Either<Failure, Array> forCreate(Optional<String> configName, Optional<Topology> placement) {
        List<Array> candidates = configName.map(n -> named(n).map(List::of).orElse(List.of())).orElse(all());
        if (configName.isPresent() && candidates.isEmpty()) {
            return Either.left(Failure.invalidArgument("parameter configName names '" + configName.get()
                    + "', which is not under arrays: in the configuration"));
        }
        if (placement.isPresent()) {
            return candidates.stream().filter(a -> a.topology().map(t -> t.isWithin(placement.get())).orElse(false))
                    .findFirst().<Either<Failure, Array>>map(Either::right)
                    .orElseGet(() -> Either.left(Failure.exhausted("no configured array is in " + placement.get())));
        }
        return Either.right(candidates.getFirst());
    }

    /** The zones new volumes with this {@code configName} (or any) can go to; empty when no array has a zone. */
    public List<Topology> placements(Optional<String> configName) {
        return configName.map(n -> named(n).map(List::of).orElse(List.<Array>of())).orElse(all()).stream()
                .flatMap(a -> a.topology().stream()).distinct().toList();
    }

    public void close() {
        byName.values().forEach(a -> a.api().client().close());
    }
}
