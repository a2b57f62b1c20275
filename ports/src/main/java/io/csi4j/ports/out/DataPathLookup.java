package io.csi4j.ports.out;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Parameters;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;

/**
 * The data path a node uses to reach an existing volume whose volume context carries none: a volume made by the
 * driver a backend replaces, whose context holds only that driver's keys. Asked by the node, only then; a volume
 * this driver made carries its data path in its context and needs no call. Read-only and idempotent: it changes
 * nothing on the storage, and the same volume gets the same answer while the storage's configuration stays the same.
 */
public interface DataPathLookup {

    /**
     * @param id a volume id this backend owns
     * @param volumeContext the context the CO passed with the request, checked against the id
     * @param node this node's name, for backends that prefer a data server running on the node itself
     * @return NotFound when the volume does not exist; InvalidArgument when the context contradicts the id or
     *     cannot say what the volume is; Unavailable when the storage cannot be asked now (a retry may work)
     */
    Either<Failure, NodeDataPath> dataPath(VolumeId id, Parameters volumeContext, String node);

    /**
     * Where the data is, and what the node needs to know beyond it.
     *
     * @param fsType the filesystem a blank device is formatted with when the capability names none; empty when the
     *     data path holds no device filesystem, or the node's default applies
     */
    record NodeDataPath(DataPath path, Optional<String> fsType) {
        public NodeDataPath {
            Objects.requireNonNull(path, "'path' must not be null");
            Objects.requireNonNull(fsType, "'fsType' must not be null");
        }
    }
}
