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
 * the staged block device onto a file — read-only when asked or when the access mode is read-only (a block target
 * then gets a read-only view of the device, {@link ReadOnlyViews}). A repeat with the same flags is success; other
 * flags at the same target are AlreadyExists; a second target of a SINGLE_NODE_SINGLE_WRITER volume is
 * FailedPrecondition. Everything is decided from the host: the mount table and the views of the staged device.
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
        boolean block = c.capability().isBlock();
        return host.mountTable().mounts().flatMap(table -> {
            Optional<MountPoint> staged = MountIdentity.at(table, source);
            if (staged.isEmpty()) {
                return Either.left(Failure.precondition("the volume is not staged at " + source));
            }
            Path device = VolumeAt.device(staged.get());
            Either<Failure, List<Path>> views = block && VolumeAt.isBlock(staged.get())
                    ? host.loops().views(device) : Either.right(List.of());
            return views.flatMap(v -> publish(c, table, staged.get(), v, source, target, readOnly));
        });
    }

    private Either<Failure, Done> publish(NodePublishCommand c, List<MountPoint> table, MountPoint staged,
            List<Path> views, Path source, Path target, boolean readOnly) {
        MountIdentity identity = MountIdentity.of(staged);
        Optional<MountPoint> there = MountIdentity.at(table, target);
        if (there.isPresent()) {
            if (showsAView(there.get(), views)) {
                return readOnly ? Either.right(Done.DONE)
                        : Either.left(Failure.alreadyExists(target + " is already published read-only"));
            }
            if (!MountIdentity.of(there.get()).equals(identity)) {
                return Either.left(Failure.alreadyExists(target + " already has another volume mounted"));
            }
            return there.get().isReadOnly() == readOnly ? Either.right(Done.DONE)
                    : Either.left(Failure.alreadyExists(target + " is already published "
                            + (readOnly ? "read-write" : "read-only")));
        }
        if (c.capability().accessMode() == AccessMode.SINGLE_NODE_SINGLE_WRITER
                && publishedElsewhere(table, identity, views, source, target)) {
            return Either.left(Failure.precondition("a SINGLE_NODE_SINGLE_WRITER volume is already published at "
                    + "another target"));
        }
        if (!c.capability().isBlock()) {
            return host.paths().ensureDirectory(target).flatMap(ok -> host.mounter().bind(source, target, readOnly));
        }
        return host.paths().ensureFile(target).flatMap(ok -> readOnly ? bindView(VolumeAt.device(staged), target)
                : host.mounter().bind(source, target, false));
    }

    /**
     * A read-only block target gets a read-only view of the staged device, since the kernel passes writes through
     * a read-only bind of a device node. A view the bind could not use is given back unless another target has it.
     */
    private Either<Failure, Done> bindView(Path device, Path target) {
        return host.loops().attachReadOnlyView(device).flatMap(view -> {
            Either<Failure, Done> bound = host.mounter().bind(view, target, true);
            if (bound.isLeft() && !view.equals(device)) {
                ReadOnlyViews.releaseIfUnused(host, view);
            }
            return bound;
        });
    }

    private static boolean showsAView(MountPoint m, List<Path> views) {
        return VolumeAt.isBlock(m) && views.contains(VolumeAt.device(m));
    }

    private static boolean publishedElsewhere(List<MountPoint> table, MountIdentity identity, List<Path> views,
            Path source, Path target) {
        return table.stream().anyMatch(m -> (MountIdentity.of(m).equals(identity) || showsAView(m, views))
                && !m.target().equals(source) && !m.target().equals(target) && !m.target().startsWith(source));
    }
}
