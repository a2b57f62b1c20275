package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.out.DataPathLookup;
import io.csi4j.ports.service.Backends;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Where a stage request's data path comes from: the request itself (decoded from the publish or volume context),
 * else the backend that owns the volume, through its {@link DataPathLookup}, for a volume made by the driver that
 * backend replaces (its context holds only that driver's keys). The backend is asked only then, so volumes this
 * driver made never cost a call to the storage on the node.
 */
final class StageDataPaths {

    private final Backends backends;
    private final String node;

    /**
     * @param node this node's name, passed to the lookup
     */
    StageDataPaths(Backends backends, String node) {
        this.backends = backends;
        this.node = node;
    }

    /** The data path and the volume context the stager gets (with what the lookup adds, such as the fs type). */
    record Resolved(DataPath path, Parameters volumeContext) {}

    Either<Failure, Resolved> of(NodeStageCommand c) {
        if (c.dataPath().isPresent()) {
            return Either.right(new Resolved(c.dataPath().get(), c.volumeContext()));
        }
        return backends.volume("volume_id", c.volumeId()).flatMap(routed -> routed.backend().dataPaths()
                .map(lookup -> lookup.dataPath(routed.id(), c.volumeContext(), node)
                        .map(found -> new Resolved(found.path(), found.fsType()
                                .map(fs -> c.volumeContext().overriddenBy(new Parameters(Map.of(
                                        LocalImageStager.FS_TYPE_KEY, fs))))
                                .orElse(c.volumeContext()))))
                .orElseGet(() -> Either.left(Failure.invalidArgument("neither publish_context nor volume_context says "
                        + "how to reach the volume (no " + DataPathCodec.KIND_KEY + ", no dataIp with mountPoint or "
                        + "smbShare), and backend " + routed.backend().name() + " cannot tell: was it created by "
                        + "this driver?"))));
    }
}
