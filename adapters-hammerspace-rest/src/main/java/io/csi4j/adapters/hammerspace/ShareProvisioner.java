package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes shares: volume shares, and the backing and catalog shares other volumes live in. A create whose task fails
 * has its share deleted at once, so a retry starts clean (the original plugin did the same, but also reported
 * FAILED tasks as success). A share that another attempt is still creating, or that is being removed, is
 * OperationPending: the caller's retry finds it finished.
 */
final class ShareProvisioner {

    private final HammerspaceApi api;
    private final String pluginName;
    private final String pluginVersion;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    ShareProvisioner(HammerspaceApi api, String pluginName, String pluginVersion) {
        this.api = api;
        this.pluginName = pluginName;
        this.pluginVersion = pluginVersion;
    }

    /** The extendedInfo of a share this backend makes. */
    Map<String, String> info(Markers.Role role, long deleteDelay, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(Markers.original(pluginName, pluginVersion, deleteDelay));
        m.put(Markers.ROLE, role.value);
        m.putAll(extra);
        return m;
    }

    /** Creates a share and waits for it; a failed task is cleaned up. */
    Either<Failure, Model.Share> create(Model.ShareRequest request) {
        Either<Failure, ?> made = api.createShare(request);
        if (made.isLeft()) {
            Failure f = made.getLeft();
            if (f instanceof Failure.Unavailable || f instanceof Failure.InvalidArgument) {
                // the task ended in failure: leave nothing half-made behind for the next attempt
                api.deleteShare(request.name(), OptionalLong.of(0));
            }
            return Either.left(f);
        }
        return ready(request.name());
    }

    /** The share once it is usable; pending while it is being made or removed, NotFound when absent. */
    Either<Failure, Model.Share> ready(String name) {
        return api.share(name).flatMap(s -> {
            if (s.isEmpty()) {
                return Either.left(Failure.notFound("share " + name + " does not exist"));
            }
            return usable(s.get());
        });
    }

    static Either<Failure, Model.Share> usable(Model.Share s) {
        if (s.isRemoved()) {
            return Either.left(Failure.pending("share " + s.name() + " is being removed (REMOVED until Hammerspace "
                    + "prunes it); try again later"));
        }
        if (!s.isReady()) {
            return Either.left(Failure.pending("share " + s.name() + " is still being created (state "
                    + s.state() + ")"));
        }
        return Either.right(s);
    }

    /**
     * A share that holds other volumes (a backing share) or the catalog, created without a size limit when absent.
     * An existing share gets the role mark once (one PUT), so ListVolumes knows not to list it as a volume.
     */
    Either<Failure, Model.Share> ensure(String name, Markers.Role role, String comment,
            List<Model.ExportOption> exports, List<JsonNode> objectives) {
        Either<Failure, Optional<Model.Share>> found = api.share(name);
        if (found.isLeft()) {
            return Either.left(found.getLeft());
        }
        if (found.get().isPresent() && found.get().get().isReady()) {
            return marked(found.get().get(), role);
        }
        // absent, or not ready yet: perhaps another call of this process is making it; its lock says when it is done
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            Either<Failure, Optional<Model.Share>> again = api.share(name);
            if (again.isLeft()) {
                return Either.left(again.getLeft());
            }
            if (again.get().isPresent()) {
                return marked(again.get().get(), role);
            }
            return create(new Model.ShareRequest(name, comment, info(role, -1, Map.of()), OptionalLong.empty(), exports,
                    objectives));
        }
    }

    private Either<Failure, Model.Share> marked(Model.Share s, Markers.Role role) {
        return usable(s).flatMap(ok -> {
            if (Markers.hasRole(s.extendedInfo(), role)) {
                return Either.right(s);
            }
            if (s.extendedInfo().containsKey(Markers.ROLE) || s.extendedInfo().containsKey(Markers.VOLUME_NAME)) {
                return Either.left(Failure.precondition("share " + s.name() + " is a "
                        + s.extendedInfo().getOrDefault(Markers.ROLE, "volume") + " share, not a "
                        + role.value + " share"));
            }
            return api.updateShare(s, doc -> {
                doc.withObject("extendedInfo").put(Markers.ROLE, role.value);
                return doc;
            }).flatMap(done -> ready(s.name()));
        });
    }
}
