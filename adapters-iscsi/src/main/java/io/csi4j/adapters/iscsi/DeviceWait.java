package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.IscsiAddress;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits, bounded, for a LUN's device after a login: its disk on every session (the kernel scans asynchronously),
 * the device nodes, udev's {@code /dev/disk/by-path} links where udev runs (others rely on them), and, when
 * multipathd claims the disks, the map holding all of them. A LUN that a completed rescan does not find is
 * NotFound at once rather than at the end of the wait.
 */
final class DeviceWait {

    private static final long POLL_MILLIS = 100;
    private static final long RESCAN_GRACE_MILLIS = 1_500;

    private final IscsiConfig config;
    private final ScsiSysfs sysfs;
    private final Multipath multipath;
    private final Iscsiadm iscsiadm;
    private final Path dev;
    private final Path udevRun;

    DeviceWait(IscsiConfig config, ScsiSysfs sysfs, Multipath multipath, Iscsiadm iscsiadm, Path dev, Path udevRun) {
        this.config = config;
        this.sysfs = sysfs;
        this.multipath = multipath;
        this.iscsiadm = iscsiadm;
        this.dev = dev;
        this.udevRun = udevRun;
    }

    Either<Failure, Path> await(IscsiAddress lun, boolean rescanFirst) {
        long deadline = System.nanoTime() + config.deviceWait().toNanos();
        long rescannedAt = rescanFirst ? rescan(lun) : 0;
        while (true) {
            var sessions = sysfs.sessions();
            if (sessions.isLeft()) {
                return Either.left(sessions.getLeft());
            }
            var of = OpenIscsiInitiator.sessionsOf(sessions.get(), lun);
            if (of.isEmpty()) {
                return Either.left(Failure.unavailable("the session to " + lun.targetIqn() + " went away after login"));
            }
            List<String> disks = OpenIscsiInitiator.disksOf(sessions.get(), lun);
            if (!disks.isEmpty() && disks.size() == of.size() && named(lun, of, disks)) {
                return mapOrDisk(disks, deadline);
            }
            boolean scanned = of.stream().anyMatch(s -> s.luns().contains(lun.lun()));
            if (!scanned && rescannedAt == 0) {
                rescannedAt = rescan(lun);
            } else if (!scanned && System.nanoTime() - rescannedAt > RESCAN_GRACE_MILLIS * 1_000_000) {
                return Either.left(Failure.notFound("the target " + lun.targetIqn() + " has no LUN " + lun.lun()
                        + " (it offers LUNs " + of.getFirst().luns() + ")"));
            }
            if (System.nanoTime() > deadline) {
                return Either.left(Failure.unavailable("the device of " + lun + " did not appear within "
                        + config.deviceWait().toSeconds() + " s"));
            }
            if (!pause()) {
                return Either.left(Failure.unavailable("interrupted while waiting for the device of " + lun));
            }
        }
    }

    /** The device nodes exist, and so do udev's by-path links where udev runs. */
    private boolean named(IscsiAddress lun, List<ScsiSysfs.KernelSession> sessions, List<String> disks) {
        if (!disks.stream().allMatch(d -> Files.exists(dev.resolve(d)))) {
            return false;
        }
        if (!Files.exists(udevRun.resolve("control"))) {
            return true;
        }
        return sessions.stream().allMatch(s -> Files.exists(dev.resolve("disk/by-path")
                .resolve(new ByPathName(s.portal(), lun.targetIqn(), lun.lun()).fileName())));
    }

    /** The multipath map when multipathd will build one for these disks (waiting until it holds all), else the disk. */
    private Either<Failure, Path> mapOrDisk(List<String> disks, long deadline) {
        if (!multipath.daemonRunning() || !multipath.claims(disks.getFirst())) {
            return Either.right(dev.resolve(disks.getFirst()));
        }
        while (true) {
            Optional<String> name = sysfs.multipathHolder(disks.getFirst());
            if (name.isPresent()) {
                var map = multipath.map(name.get());
                if (map.isLeft()) {
                    return Either.left(map.getLeft());
                }
                boolean complete = map.get().map(m -> m.paths().stream().map(MultipathListing.Path::disk).toList()
                        .containsAll(disks)).orElse(false);
                if (complete && Files.exists(dev.resolve("mapper").resolve(name.get()))) {
                    return Either.right(dev.resolve("mapper").resolve(name.get()));
                }
            }
            if (System.nanoTime() > deadline || !pause()) {
                return Either.left(Failure.unavailable("multipathd claims " + String.join(",", disks)
                        + " but built no map holding them within " + config.deviceWait().toSeconds() + " s"));
            }
        }
    }

    /** Waits, bounded, until every disk has the same size, read twice alike; returns it. */
    Either<Failure, Long> sameSize(List<String> disks) {
        long deadline = System.nanoTime() + config.deviceWait().toNanos();
        Set<Long> before = Set.of();
        while (true) {
            Set<Long> sizes = disks.stream().map(sysfs::size).flatMap(Optional::stream)
                    .collect(Collectors.toSet());
            if (sizes.size() == 1 && sizes.equals(before)) {
                return Either.right(sizes.iterator().next());
            }
            before = sizes;
            if (System.nanoTime() > deadline || !pause()) {
                return Either.left(Failure.unavailable("the paths " + String.join(",", disks)
                        + " did not agree on one size after the rescan: " + sizes));
            }
        }
    }

    /** Waits, bounded, until {@code device} ({@code dm-0}) has {@code bytes}. */
    Either<Failure, Done> sized(String device, long bytes) {
        long deadline = System.nanoTime() + config.deviceWait().toNanos();
        while (sysfs.size(device).orElse(-1L) != bytes) {
            if (System.nanoTime() > deadline || !pause()) {
                return Either.left(Failure.unavailable(device + " did not take the size " + bytes + " of its paths"));
            }
        }
        return Either.right(Done.DONE);
    }

    /** Rescans every session of the LUN's target through its portals; returns when it was done. */
    private long rescan(IscsiAddress lun) {
        sysfs.sessions().forEach(sessions -> OpenIscsiInitiator.sessionsOf(sessions, lun)
                .forEach(s -> iscsiadm.rescan(s.id())));
        return System.nanoTime();
    }

    /** False when interrupted: the wait ends then. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
