package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.Secrets;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One configured array: its settings, its REST API, and which pool holds each project. The configuration names
 * projects only, so the pool is found through {@code listPools}/{@code listProjects} once per project and kept
 * (a project never moves between pools).
 */
public final class Array {

    public static final String ZONE_KEY = "topology.kubernetes.io/zone";

    private final ArrayConfig config;
    private final ArrayApi api;
    private final Map<String, String> poolOfProject = new ConcurrentHashMap<>();

    public Array(ArrayConfig config, ArrayApi api) {
        this.config = config;
        this.api = api;
    }

    public ArrayConfig config() {
        return config;
    }

    public String name() {
        return config.configName();
    }

    /** The API with the configured credentials. */
    public ArrayApi api() {
        return api;
    }

    /** The API with credentials from StorageClass secrets when they carry some for this array. */
    public ArrayApi api(Secrets secrets) {
        return SecretCredentials.find(secrets, config.configName()).map(api::as).orElse(api);
    }

    public Optional<Topology> topology() {
        return config.zone().map(z -> Topology.of(ZONE_KEY, z));
    }

    /** The pool holding {@code project}; NotFound when no pool of this array has it. */
    public Either<Failure, String> poolOf(String project) {
        String known = poolOfProject.get(project);
        if (known != null) {
            return Either.right(known);
        }
        return lookUp(project).mapLeft(e -> e.toFailure("array " + name() + ": finding the pool of project " + project))
                .flatMap(pool -> pool.<Either<Failure, String>>map(p -> {
                    poolOfProject.put(project, p);
                    return Either.right(p);
                }).orElseGet(() -> Either.left(Failure.notFound("project " + project + " does not exist on array "
                        + name()))));
    }

    private Either<RestError, Optional<String>> lookUp(String project) {
        Either<RestError, List<SanRecords.Pool>> pools = api.pools();
        if (pools.isLeft()) {
            return Either.left(pools.getLeft());
        }
        for (SanRecords.Pool p : pools.get()) {
            Either<RestError, List<String>> projects = api.projects(p.name());
            if (projects.isLeft()) {
                return Either.left(projects.getLeft());
            }
            if (projects.get().contains(project)) {
                return Either.right(Optional.of(p.name()));
            }
        }
        return Either.right(Optional.empty());
    }

    /** Free bytes in the pool of {@code project}. */
    public Either<Failure, Long> available(String project) {
        return poolOf(project).flatMap(pool -> api.pools()
                .mapLeft(e -> e.toFailure("array " + name() + ": reading pool " + pool))
                .map(list -> list.stream().filter(p -> p.name().equals(pool)).mapToLong(SanRecords.Pool::available)
                        .findFirst().orElse(0L)));
    }
}
