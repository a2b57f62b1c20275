package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The node's iSCSI initiator: sessions to targets and the block devices of their LUNs, decided from the session
 * list and the kernel's devices, never from memory. Node records are created with {@code node.startup=manual}, so
 * nothing logs in again at boot behind the driver's back. Every call is bounded by a timeout. Callers serialise
 * calls for one target (a logout must not race a login of another LUN of it).
 */
public interface IscsiInitiator {

    /** SendTargets discovery at {@code portal}, saving no records: the targets it offers. */
    Either<Failure, List<IscsiTarget>> discover(String portal, Optional<ChapCredentials> chap);

    /**
     * Logs in to the LUN's target through every portal (a session already there is kept) and waits, bounded, for
     * the LUN's device; returns it: the multipath map when multipath claims the LUN, else the disk. Succeeds when
     * at least one portal logs in. Unauthenticated when the target rejects the CHAP credentials, Unavailable when
     * no portal answers; on failure the sessions and records this call created are gone again.
     */
    Either<Failure, Path> attach(IscsiAddress lun, Optional<ChapCredentials> chap);

    /** The LUN's device now; empty when its target is not logged in or the LUN has no device. */
    Either<Failure, Optional<Path>> find(IscsiAddress lun);

    /** Every LUN attached to this node now, with its device; for deciding who uses a target and a device. */
    Either<Failure, List<AttachedLun>> attached();

    /** Makes the LUN's device (and its multipath map) pick up a grown LUN's new size. */
    Either<Failure, Done> rescan(IscsiAddress lun);

    /**
     * Removes the LUN's device from this node (its multipath map flushed first, its disks deleted); with {@code
     * logout} also logs out of the target on the LUN's portals and deletes their node records. Done when already
     * gone. The caller decides {@code logout} from whether another LUN of the target is still in use.
     */
    Either<Failure, Done> detach(IscsiAddress lun, boolean logout);

    /** Every iSCSI session on this node. */
    Either<Failure, List<IscsiSession>> sessions();

    /** An initiator for nodes without one: every call is FailedPrecondition, saying so. */
    IscsiInitiator NONE = new Unavailable();

    /** The initiator of a node that has none configured. */
    final class Unavailable implements IscsiInitiator {

        private static <T> Either<Failure, T> none() {
            return Either.left(Failure.precondition("this node has no iSCSI initiator (open-iscsi) configured"));
        }

        @Override
        public Either<Failure, List<IscsiTarget>> discover(String portal, Optional<ChapCredentials> chap) {
            return none();
        }

        @Override
        public Either<Failure, Path> attach(IscsiAddress lun, Optional<ChapCredentials> chap) {
            return none();
        }

        @Override
        public Either<Failure, Optional<Path>> find(IscsiAddress lun) {
            return Either.right(Optional.empty());
        }

        @Override
        public Either<Failure, List<AttachedLun>> attached() {
            return Either.right(List.of());
        }

        @Override
        public Either<Failure, Done> rescan(IscsiAddress lun) {
            return none();
        }

        @Override
        public Either<Failure, Done> detach(IscsiAddress lun, boolean logout) {
            return Either.right(Done.DONE);
        }

        @Override
        public Either<Failure, List<IscsiSession>> sessions() {
            return Either.right(List.of());
        }
    }
}
