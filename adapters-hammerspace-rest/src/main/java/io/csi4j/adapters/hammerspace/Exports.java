package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where nodes (and the controller) mount shares from: the cluster's floating IPs when it has any, else the
 * addresses of the data portals that are up and serve NFS — the original plugin's order. One address is chosen per
 * volume by a hash of its id over the sorted list, so load spreads across portals and one volume always reports
 * the same context (CSI §1.10). The export path is {@code <dataPortalMountPrefix>/<share>}. The portal list is
 * cached for a short time: it is configuration, and asking for it on every call costs two round trips.
 */
final class Exports {

    private final HammerspaceApi api;
    private final String prefix;
    private final List<String> defaultOptions;
    private final Duration ttl;
    private final Clock clock;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(List<String> addresses, boolean floating, List<Model.DataPortal> portals, long at) {}

    Exports(HammerspaceApi api, String prefix, List<String> defaultOptions, Duration ttl, Clock clock) {
        this.api = api;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.defaultOptions = List.copyOf(defaultOptions);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The export path of a share. */
    String export(String share) {
        return prefix + "/" + share;
    }

    /** The address a volume is mounted from: the override, or the hash-chosen portal. */
    Either<Failure, String> server(String volumeId, Optional<String> override) {
        if (override.isPresent()) {
            return Either.right(override.get());
        }
        return addresses().map(a -> a.get(Math.floorMod(volumeId.hashCode(), a.size())));
    }

    /**
     * The address a node mounts a volume from when it works it out itself (a volume of the original plugin, whose
     * context names none), as the original node plugin chose it: a floating IP when the cluster has any (chosen as
     * for {@link #server}); else a usable data portal running on that node; else the hash-chosen portal.
     */
    Either<Failure, String> nodeServer(String volumeId, String node) {
        return fresh().flatMap(c -> {
            if (!c.floating()) {
                Optional<String> local = c.portals().stream()
                        .filter(p -> p.isUsable() && p.nodeName().equals(node) && !p.address().isEmpty())
                        .map(Model.DataPortal::address).sorted().findFirst();
                if (local.isPresent()) {
                    return Either.right(local.get());
                }
            }
            return server(volumeId, Optional.empty());
        });
    }

    /** Where the controller mounts a share from. */
    Either<Failure, ShareAccess.ShareLocation> location(String share) {
        return server("/" + share, Optional.empty())
                .map(s -> new ShareAccess.ShareLocation(share, s, export(share), defaultOptions));
    }

    /** How a node reaches a volume of this kind. */
    DataPath dataPath(Kind kind, VolumeHandle h, String server, List<String> options) {
        List<String> o = options.isEmpty() ? defaultOptions : options;
        return switch (kind) {
            case SHARE -> new DataPath.NfsExport(server, export(h.share()), o);
            case DIRECTORY -> new DataPath.NfsExport(server, export(h.share()) + "/" + h.entry().orElseThrow(), o);
            case FILESYSTEM, BLOCK -> new DataPath.ImageOnNfs(server, export(h.share()), o, h.entry().orElseThrow());
        };
    }

    /** Whether a data portal runs on {@code node} (the original's topology segment). */
    Either<Failure, Boolean> isDataPortal(String node) {
        return fresh().map(c -> c.portals().stream().anyMatch(p -> p.isUsable() && p.nodeName().equals(node)));
    }

    private Either<Failure, List<String>> addresses() {
        return fresh().flatMap(c -> c.addresses().isEmpty()
                ? Either.left(Failure.unavailable("Hammerspace has neither a floating IP nor a data portal that is up "
                        + "and serves NFS: nodes could not mount the volume"))
                : Either.right(c.addresses()));
    }

    private Either<Failure, Cached> fresh() {
        Cached c = cache.get();
        long now = clock.millis();
        if (c != null && now - c.at() < ttl.toMillis()) {
            return Either.right(c);
        }
        return api.clusterState().flatMap(state -> api.dataPortals().map(portals -> {
            List<String> addresses = new ArrayList<>(new TreeSet<>(state.floatingIps()));
            boolean floating = !addresses.isEmpty();
            if (!floating) {
                portals.stream().filter(Model.DataPortal::isUsable).map(Model.DataPortal::address)
                        .filter(a -> !a.isEmpty()).distinct().sorted().forEach(addresses::add);
            }
            Cached fresh = new Cached(List.copyOf(addresses), floating, List.copyOf(portals), now);
            cache.set(fresh);
            return fresh;
        }));
    }
}
