package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessType;
import io.vavr.control.Either;
import java.util.List;

/**
 * Stages an NFS export: mounted on the staging directory with the version the request, the data path, the volume
 * context or the node's fallback order names ({@link NfsVersions}), read-only for read-only access modes. A repeat
 * finds the export mounted there and checks its read-only flag.
 */
final class NfsStager implements Stager {

    private final NodeHost host;
    private final NodeSettings settings;
    private final NfsMounts nfs;

    NfsStager(NodeHost host, NodeSettings settings) {
        this.host = host;
        this.settings = settings;
        this.nfs = new NfsMounts(host);
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.NfsExport;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        if (r.capability().isBlock()) {
            return Either.left(Failure.precondition("an NFS export cannot be used as a block device"));
        }
        DataPath.NfsExport export = (DataPath.NfsExport) r.dataPath();
        boolean readOnly = r.capability().accessMode().isReadOnly();
        List<String> flags = r.capability().accessType() instanceof AccessType.Mount m ? m.mountFlags() : List.of();
        return NfsMounts.source(export.server(), export.export()).flatMap(source -> NfsVersions.plan(flags,
                        export.options(), r.volumeContext().get(NfsVersions.CONTEXT_KEY), settings.nfsVersions(), readOnly)
                .flatMap(attempts -> SharedMount.state(host, r.staging(), m -> NfsMounts.shows(m, source), readOnly)
                        // Nothing but the mount to undo, which the mount table shows: no stage record is written.
                        .flatMap(state -> state == SharedMount.State.THERE ? Either.right(Done.DONE)
                                : nfs.mount(source, r.staging(), attempts)
                                        .flatMap(ok -> Groups.share(host, r.staging(), r.capability(), readOnly)))));
    }
}
