package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.LoopDevice;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Read-only views of staged block devices ({@link io.csi4j.ports.out.host.LoopDevices#attachReadOnlyView}): what a
 * read-only block publication binds, since a read-only bind of a writable device node still passes writes. One view
 * per staged device, shared by its read-only targets, found on the host rather than remembered, so every step
 * completes after a crash: unpublish detaches a view no mount uses any more, unstage every view of the device it
 * releases, and expand refreshes them after the device grew.
 */
final class ReadOnlyViews {

    private ReadOnlyViews() {}

    /** The device whose data {@code device} shows: the device a view is backed by, else {@code device} itself. */
    static Either<Failure, Path> underlying(NodeHost host, Path device) {
        return host.loops().list().flatMap(loops -> {
            Optional<Path> backing = loops.stream().filter(l -> l.device().equals(device))
                    .map(LoopDevice::backingFile).findFirst();
            if (backing.isEmpty()) {
                return Either.right(device);
            }
            return host.loops().views(backing.get()).map(views -> views.contains(device) ? backing.get() : device);
        });
    }

    /** After a target came off: detaches {@code device} when it is a view that no mount shows any more. */
    static Either<Failure, Done> releaseIfUnused(NodeHost host, Path device) {
        return underlying(host, device).flatMap(under -> under.equals(device) ? Either.right(Done.DONE)
                : host.mountTable().mounts().flatMap(table -> DeviceUse.inUse(table, device) ? Either.right(Done.DONE)
                        : host.loops().detach(device)));
    }

    /**
     * Before the staged {@code device} goes: detaches every view of it (left by an unpublish that died between its
     * unmount and the detach); FailedPrecondition, detaching nothing, while one is still published somewhere.
     */
    static Either<Failure, Done> detachAll(NodeHost host, Path device) {
        return host.loops().views(device).flatMap(views -> views.isEmpty() ? Either.right(Done.DONE)
                : host.mountTable().mounts().flatMap(table -> {
                    Optional<Path> mounted = views.stream().filter(v -> DeviceUse.inUse(table, v)).findFirst();
                    if (mounted.isPresent()) {
                        return Either.left(Failure.precondition(mounted.get() + ", a read-only view of " + device
                                + ", is still published"));
                    }
                    return each(views, host.loops()::detach);
                }));
    }

    /** After the staged {@code device} grew: every view of it picks up the new size. */
    static Either<Failure, Done> refresh(NodeHost host, Path device) {
        return host.loops().views(device).flatMap(views -> each(views, host.loops()::refreshCapacity));
    }

    private static Either<Failure, Done> each(List<Path> views,
            java.util.function.Function<Path, Either<Failure, Done>> action) {
        for (Path view : views) {
            var done = action.apply(view);
            if (done.isLeft()) {
                return done;
            }
        }
        return Either.right(Done.DONE);
    }
}
