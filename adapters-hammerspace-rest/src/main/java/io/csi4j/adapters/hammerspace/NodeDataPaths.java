package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.ports.out.DataPathLookup;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a node the data path of a volume the original plugin made, whose context carries the original's keys and
 * no csi4j data path: the kind from the context ({@link OriginalContext}, checked against the id), the export from
 * the id and the configured prefix through the same {@link Exports#dataPath} the controller uses for its own
 * volumes, and the address as the original node plugin chose it (the context's {@code fqdn}, else a floating IP,
 * else a data portal on this node, else another portal; see {@link Exports#nodeServer}). Without configured NFS
 * options the mount gets {@code nolock}, which the original passed to its NFSv3 mounts (a node container runs no
 * rpc.statd); the node passes it to v3 attempts only.
 *
 * <p>Each call reads the share (or the backing share) once, so that a volume whose share is gone is NotFound before
 * anything is mounted; the portals and floating IPs come from the short-lived cache {@link Exports} keeps. Nothing
 * is written.
 */
final class NodeDataPaths implements DataPathLookup {

    /** The option the original plugin added to its NFSv3 mounts. */
    static final String NOLOCK = "nolock";

    private final Context ctx;

    NodeDataPaths(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Either<Failure, NodeDataPath> dataPath(VolumeId id, Parameters volumeContext, String node) {
        Optional<VolumeHandle> h = VolumeHandle.of(ctx.name(), id);
        if (h.isEmpty()) {
            return Either.left(VolumeReader.notFound(id.value()));
        }
        return OriginalContext.read(h.get(), volumeContext).flatMap(original -> exists(h.get())
                .flatMap(ok -> server(h.get(), original, node))
                .map(server -> new NodeDataPath(ctx.exports().dataPath(original.kind(), h.get(), server, options()),
                        original.kind() == Kind.FILESYSTEM ? Optional.of(original.fsType()) : Optional.empty())));
    }

    /** The configured options (the controller's own volumes get them too), else the original's {@code nolock}. */
    private List<String> options() {
        return ctx.config().nfsOptions().isEmpty() ? List.of(NOLOCK) : List.of();
    }

    /**
     * The share of a share volume, or the backing share of a file or directory, exists and is exported. A share that
     * is gone, removed, or one this backend keeps for itself (backing share as a volume, catalog, a deleted volume's
     * share kept for its snapshots) is NotFound; one not yet exported is Unavailable (a retry will find it).
     */
    private Either<Failure, Done> exists(VolumeHandle h) {
        return ctx.api().share(h.share()).flatMap(found -> {
            if (found.isEmpty() || found.get().isRemoved()) {
                return Either.left(h.isShare() ? VolumeReader.notFound(h.value())
                        : Failure.notFound("volume " + h.value() + " does not exist: its backing share " + h.share()
                                + " is gone"));
            }
            Model.Share s = found.get();
            Map<String, String> info = s.extendedInfo();
            boolean catalog = Markers.hasRole(info, Markers.Role.CATALOG) || s.name().equals(ctx.config().catalogShare());
            boolean notVolume = h.isShare() && (Markers.hasRole(info, Markers.Role.BACKING)
                    || info.containsKey(Markers.RETIRED));
            if (catalog || notVolume) {
                return Either.left(VolumeReader.notFound(h.value()));
            }
            if (!s.isReady()) {
                return Either.left(Failure.unavailable("share " + h.share() + " is " + s.state() + ", not yet exported: "
                        + "nodes cannot mount it yet"));
            }
            return Either.right(Done.DONE);
        });
    }

    /** A NotFound while reading the portals says nothing about the volume: it is the API that cannot answer. */
    private Either<Failure, String> server(VolumeHandle h, OriginalContext original, String node) {
        if (original.server().isPresent()) {
            return Either.right(original.server().get());
        }
        return ctx.exports().nodeServer(h.value(), node).mapLeft(f -> f instanceof Failure.NotFound
                ? Failure.unavailable("cannot read Hammerspace's data portals: " + f.message()) : f);
    }
}
