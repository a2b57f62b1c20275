package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.HostCommands;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * dm-multipath through multipath-tools, when the node runs it: whether multipathd runs and would claim a disk, the
 * map of a name ({@code multipath -ll}), flushing a map before its paths go, and resizing it after a rescan.
 */
final class Multipath {

    private final HostCommands commands;
    private final Duration timeout;

    Multipath(HostCommands commands, Duration timeout) {
        this.commands = commands;
        this.timeout = timeout;
    }

    /** multipathd answers: it will build maps for the disks it claims. */
    boolean daemonRunning() {
        return commands.installed("multipathd") && commands.run(timeout, List.of(), "multipathd", "show", "status")
                .map(r -> r.succeeded() && !r.stdout().toLowerCase(Locale.ROOT).contains("error")).getOrElse(false);
    }

    /** Whether multipath's configuration makes {@code disk} a path of a map ({@code multipath -c}). */
    boolean claims(String disk) {
        return commands.run(timeout, List.of(), "multipath", "-c", "/dev/" + disk).map(r -> r.succeeded())
                .getOrElse(false);
    }

    /** The map named {@code name} as {@code multipath -ll} shows it; empty when there is none. */
    Either<Failure, Optional<MultipathListing.Map>> map(String name) {
        return commands.run(timeout, List.of(), "multipath", "-ll", name).map(r -> r.succeeded()
                ? MultipathListing.parse(r.stdout()).stream().filter(m -> m.name().equals(name)).findFirst()
                : Optional.empty());
    }

    /** Removes the map, so its paths can go; a map already gone is Done, a map in use FailedPrecondition. */
    Either<Failure, Done> flush(String name) {
        return commands.run(timeout, List.of(), "multipath", "-f", name).flatMap(r -> {
            String said = (r.stdout() + " " + r.stderr()).toLowerCase(Locale.ROOT);
            if (r.succeeded() || said.contains("not a multipath device") || said.contains("no such device")) {
                return Either.right(Done.DONE);
            }
            if (said.contains("in use")) {
                return Either.left(Failure.precondition("the multipath map " + name + " is still in use: "
                        + r.diagnostics()));
            }
            return Either.left(Failure.precondition(r.describeFailure()));
        });
    }

    /** Makes the map take the size its paths have now (after a rescan of a grown LUN). */
    Either<Failure, Done> resize(String name) {
        return commands.run(timeout, List.of(), "multipathd", "resize", "map", name).flatMap(r ->
                r.succeeded() && r.stdout().strip().equals("ok") ? Either.right(Done.DONE)
                        : Either.left(Failure.precondition("multipathd could not resize " + name + ": "
                                + r.diagnostics())));
    }
}
