package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.MountFlags;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.NodeStageCommand;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.service.Backends;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CSI NodeStageVolume (§4.2): hands the request to the stager for its data path, after confining the staging
 * path to the allowed roots and checking the mount flags and group. A request whose contexts carry no data path
 * gets it from the backend that owns the volume ({@link StageDataPaths}), after those checks. A concurrent call for
 * the same volume is OperationPending.
 */
public final class StageVolumeService implements NodeVolumeUseCases.StageVolume {

    private final NodeHost host;
    private final InFlight inFlight;
    private final List<Stager> stagers;
    private final StageDataPaths dataPaths;

    /** A stage service that serves only requests carrying their data path (no backend is asked). */
    public StageVolumeService(NodeHost host, NodeSettings settings, InFlight inFlight, NodeLocks locks) {
        this(host, settings, inFlight, locks, new Backends(List.of(), Optional.empty()));
    }

    /**
     * @param locks the node's locks on shared resources, the same instance the unstage service gets
     * @param backends the backends served here, asked for the data path of a volume whose contexts carry none
     */
    public StageVolumeService(NodeHost host, NodeSettings settings, InFlight inFlight, NodeLocks locks,
            Backends backends) {
        this.host = host;
        this.inFlight = inFlight;
        this.dataPaths = new StageDataPaths(backends, settings.node().name());
        this.stagers = List.of(new DirectoryStager(host, settings), new LocalImageStager(host, settings),
                new NfsStager(host, settings), new SmbStager(host), new IscsiStager(host, settings, locks),
                new ImageOnNfsStager(host, settings, locks));
    }

    @Override
    public Either<Failure, Done> stage(NodeStageCommand c) {
        return inFlight.exclusively(InFlight.volume(c.volumeId()), () -> host.paths()
                .confine("staging_target_path", c.stagingPath())
                .flatMap(staging -> checkCapability(c.capability()).map(ok -> staging))
                .flatMap(staging -> dataPaths.of(c).flatMap(found -> stage(c, staging, found))));
    }

    private Either<Failure, Done> stage(NodeStageCommand c, Path staging, StageDataPaths.Resolved found) {
        return stagers.stream().filter(s -> s.handles(found.path())).findFirst()
                .map(s -> s.stage(new Stager.Request(c.volumeId(), staging, c.capability(), found.path(),
                        found.volumeContext(), c.secrets())))
                .orElseGet(() -> Either.left(Failure.precondition("this node cannot stage " + found.path().kind()
                        + " volumes")));
    }

    /**
     * Mount flags that would change what is mounted, and a volume_mount_group that is no group id, are refused before
     * anything is attached, written or mounted (after a final error kubelet sends no NodeUnstage, so whatever was
     * set up would stay), for every kind of data path, also those that take no flags.
     */
    private static Either<Failure, Done> checkCapability(VolumeCapability capability) {
        return MountFlags.check(capability.accessType() instanceof AccessType.Mount m ? m.mountFlags() : List.of())
                .flatMap(flags -> Groups.gid(capability)).map(gid -> Done.DONE);
    }
}
