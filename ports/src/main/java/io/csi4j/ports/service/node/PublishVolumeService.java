package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.ports.in.NodePublishCommand;
import io.csi4j.ports.in.NodeVolumeUseCases;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.service.InFlight;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CSI NodePublishVolume (§4.4): binds the staged volume onto the target — the staging mount onto a directory, or
 * the staged block device onto a file — read-only when asked or when the access mode is read-only. A repeat with
 * the same flags is success; other flags at the same target are AlreadyExists; a second target of a
 * SINGLE_NODE_SINGLE_WRITER volume is FailedPrecondition. Everything is decided from the mount table.
 */
public final class PublishVolumeService implements NodeVolumeUseCases.PublishVolume {

    private final NodeHost host;
    private final InFlight inFlight;

    public PublishVolumeService(NodeHost host, InFlight inFlight) {
        this.host = host;
        this.inFlight = inFlight;
    }

    @Override
    public Either<Failure, Done> publish(NodePublishCommand c) {
        return inFlight.exclusively(InFlight.volume(c.volumeId()), () -> host.paths()
                .confine("staging_target_path", c.stagingPath())
                .flatMap(staging -> host.paths().confine("target_path", c.targetPath())
                        .flatMap(target -> publish(c, c.capability().isBlock() ? staging.resolve(Stager.BLOCK_FILE) : staging,
                                target))));
    }

    private Either<Failure, Done> publish(NodePublishCommand c, Path source, Path target) {
        boolean readOnly = c.readOnly() || c.capability().accessMode().isReadOnly();
        return host.mountTable().mounts().flatMap(table -> {
            Optional<MountPoint> staged = MountIdentity.at(table, source);
            if (staged.isEmpty()) {
                return Either.left(Failure.precondition("the volume is not staged at " + source));
            }
            MountIdentity identity = MountIdentity.of(staged.get());
            Optional<MountPoint> there = MountIdentity.at(table, target);
            if (there.isPresent()) {
                if (!MountIdentity.of(there.get()).equals(identity)) {
                    return Either.left(Failure.alreadyExists(target + " already has another volume mounted"));
                }
                return there.get().isReadOnly() == readOnly ? Either.right(Done.DONE)
                        : Either.left(Failure.alreadyExists(target + " is already published "
                                + (readOnly ? "read-write" : "read-only")));
            }
            if (c.capability().accessMode() == AccessMode.SINGLE_NODE_SINGLE_WRITER
                    && publishedElsewhere(table, identity, source, target)) {
                return Either.left(Failure.precondition("a SINGLE_NODE_SINGLE_WRITER volume is already published at "
                        + "another target"));
            }
            var created = c.capability().isBlock() ? host.paths().ensureFile(target) : host.paths().ensureDirectory(target);
            return created.flatMap(ok -> host.mounter().bind(source, target, readOnly));
        });
    }

    private static boolean publishedElsewhere(List<MountPoint> table, MountIdentity identity, Path source, Path target) {
        return table.stream().anyMatch(m -> MountIdentity.of(m).equals(identity) && !m.target().equals(source)
                && !m.target().equals(target) && !m.target().startsWith(source));
    }
}
