package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.hostexec.Executables;
import io.csi4j.hostexec.HostCommands;
import io.csi4j.hostexec.ProcessRunner;
import io.csi4j.metrics.CommandRecorder;
import io.csi4j.metrics.Recorders;
import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import io.csi4j.ports.out.host.IscsiInitiator;
import io.csi4j.ports.out.host.IscsiSession;
import io.csi4j.ports.out.host.IscsiTarget;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The iSCSI initiator of a Linux node, through open-iscsi: node records and logins with iscsiadm (the session list
 * is iscsid's), devices from sysfs, multipath maps when multipathd runs. Devices are given by kernel name
 * ({@code /dev/sdb}) or, for a multipath LUN, by map ({@code /dev/mapper/mpatha}): the names mount(8) records.
 */
public final class OpenIscsiInitiator implements IscsiInitiator {

    private final Iscsiadm iscsiadm;
    private final ScsiSysfs sysfs;
    private final Multipath multipath;
    private final DeviceWait devices;
    private final HostCommands commands;
    private final IscsiConfig config;
    private final Path dev;

    OpenIscsiInitiator(IscsiConfig config, HostCommands commands, Path sys, Path dev, Path udevRun) {
        this.config = config;
        this.dev = dev;
        this.commands = commands;
        this.iscsiadm = new Iscsiadm(commands, config);
        this.sysfs = new ScsiSysfs(sys);
        this.multipath = new Multipath(commands, config.commandTimeout());
        this.devices = new DeviceWait(config, sysfs, multipath, iscsiadm, dev, udevRun);
    }

    /** The initiator of this node, with tools found on the PATH and in the system directories. */
    public static OpenIscsiInitiator create(IscsiConfig config) {
        return create(config, Recorders.none().commands());
    }

    /** Like {@link #create(IscsiConfig)}, recording every iscsiadm and multipath run into {@code metrics}. */
    public static OpenIscsiInitiator create(IscsiConfig config, CommandRecorder metrics) {
        HostCommands commands = new HostCommands(new ProcessRunner(), Executables.fromEnvironment(),
                IscsiadmErrors::classify, metrics);
        return new OpenIscsiInitiator(config, commands, Path.of("/sys"), Path.of("/dev"), Path.of("/run/udev"));
    }

    @Override
    public Either<Failure, List<IscsiTarget>> discover(String portal, Optional<ChapCredentials> chap) {
        return IscsiAddress.portal(portal).flatMap(p -> iscsiadm.discover(p, chap));
    }

    @Override
    public Either<Failure, Path> attach(IscsiAddress given, Optional<ChapCredentials> chap) {
        IscsiAddress lun = byAddress(given);
        return iscsiadm.sessions().flatMap(before -> {
            Set<String> present = before.stream().filter(s -> s.targetIqn().equals(lun.targetIqn()))
                    .map(IscsiSession::portal).collect(Collectors.toSet());
            List<String> made = new ArrayList<>();
            Failure refused = null;
            for (String portal : lun.portals()) {
                if (present.contains(portal)) {
                    continue;
                }
                var login = loginThrough(lun.targetIqn(), portal, chap);
                if (login.isLeft()) {
                    // Say why the LUN cannot be reached; a refused CHAP secret is the most telling reason.
                    refused = refused == null || login.getLeft() instanceof Failure.Unauthenticated ? login.getLeft()
                            : refused;
                } else {
                    made.add(portal);
                }
            }
            if (made.isEmpty() && lun.portals().stream().noneMatch(present::contains)) {
                return Either.left(refused);
            }
            // A session that was there before may predate the LUN (or its disk was removed at a detach): rescan it.
            var device = devices.await(lun, lun.portals().stream().anyMatch(present::contains));
            if (device.isLeft()) {
                made.forEach(portal -> logoutAndForget(lun.targetIqn(), portal));
            }
            return device;
        });
    }

    /** Makes (or refreshes) the node record and logs in; a record this call made goes again if the login fails. */
    private Either<Failure, Done> loginThrough(String iqn, String portal, Optional<ChapCredentials> chap) {
        return iscsiadm.recordExists(iqn, portal).flatMap(existed -> {
            var loggedIn = (existed ? Either.<Failure, Done>right(Done.DONE) : iscsiadm.newRecord(iqn, portal))
                    .flatMap(ok -> iscsiadm.configureRecord(iqn, portal, chap))
                    .flatMap(ok -> iscsiadm.login(iqn, portal));
            if (loggedIn.isLeft() && !existed) {
                iscsiadm.deleteRecord(iqn, portal);
            }
            return loggedIn;
        });
    }

    private void logoutAndForget(String iqn, String portal) {
        iscsiadm.logout(iqn, portal);
        iscsiadm.deleteRecord(iqn, portal);
    }

    @Override
    public Either<Failure, Optional<Path>> find(IscsiAddress given) {
        IscsiAddress lun = byAddress(given);
        return sysfs.sessions().map(sessions -> {
            List<String> disks = disksOf(sessions, lun);
            return disks.isEmpty() ? Optional.empty() : Optional.of(device(disks));
        });
    }

    @Override
    public Either<Failure, List<AttachedLun>> attached() {
        return sysfs.sessions().map(sessions -> {
            Map<LunKey, List<ScsiSysfs.KernelSession>> byLun = new LinkedHashMap<>();
            for (ScsiSysfs.KernelSession s : sessions) {
                s.disks().keySet().forEach(n -> byLun.computeIfAbsent(new LunKey(s.targetIqn(), n),
                        k -> new ArrayList<>()).add(s));
            }
            List<AttachedLun> out = new ArrayList<>();
            byLun.forEach((key, of) -> {
                List<String> disks = of.stream().map(s -> s.disks().get(key.lun())).toList();
                IscsiAddress address = new IscsiAddress(of.stream().map(ScsiSysfs.KernelSession::portal).toList(),
                        key.iqn(), key.lun());
                out.add(new AttachedLun(address, device(disks), disks.stream().map(dev::resolve).toList()));
            });
            return out;
        });
    }

    /** A LUN of a target, whatever the portals. */
    private record LunKey(String iqn, int lun) {}

    @Override
    public Either<Failure, Done> rescan(IscsiAddress given) {
        IscsiAddress lun = byAddress(given);
        return sysfs.sessions().flatMap(sessions -> {
            List<ScsiSysfs.KernelSession> of = sessionsOf(sessions, lun);
            if (of.isEmpty()) {
                return Either.left(Failure.notFound("no session to " + lun.targetIqn() + " through "
                        + String.join(",", lun.portals()) + " to rescan"));
            }
            for (ScsiSysfs.KernelSession s : of) {
                var r = iscsiadm.rescan(s.id());
                if (r.isLeft()) {
                    return r;
                }
            }
            List<String> disks = disksOf(sessions, lun);
            Optional<String> map = disks.stream().map(sysfs::multipathHolder).flatMap(Optional::stream).findFirst();
            // The kernel re-reads capacities as the scan goes; a map may only grow once every path has (a map
            // larger than one of its paths fails I/O past that path's end).
            return devices.sameSize(disks).flatMap(size -> map.isEmpty() || !multipath.daemonRunning()
                    ? Either.right(Done.DONE)
                    : multipath.resize(map.get()).flatMap(ok ->
                            devices.sized(sysfs.holderDevice(disks.getFirst()).orElse(map.get()), size)));
        });
    }

    @Override
    public Either<Failure, Done> detach(IscsiAddress given, boolean logout) {
        IscsiAddress lun = byAddress(given);
        return sysfs.sessions().flatMap(sessions -> {
            List<String> disks = disksOf(sessions, lun);
            Optional<String> map = disks.stream().map(sysfs::multipathHolder).flatMap(Optional::stream).findFirst();
            Either<Failure, Done> done = Either.right(Done.DONE);
            if (map.isPresent()) {
                flushBuffers(dev.resolve("mapper").resolve(map.get()));
                done = multipath.flush(map.get());
            }
            for (String disk : disks) {
                done = done.flatMap(ok -> {
                    flushBuffers(dev.resolve(disk));
                    return sysfs.delete(disk);
                });
            }
            if (logout) {
                for (String portal : lun.portals()) {
                    done = done.flatMap(ok -> iscsiadm.logout(lun.targetIqn(), portal))
                            .flatMap(ok -> iscsiadm.deleteRecord(lun.targetIqn(), portal));
                }
            }
            return done;
        });
    }

    @Override
    public Either<Failure, List<IscsiSession>> sessions() {
        return iscsiadm.sessions();
    }

    /** The LUN with its portals by address, the form records and sessions have. */
    private static IscsiAddress byAddress(IscsiAddress lun) {
        return lun.withPortals(lun.portals().stream().map(PortalFormat::byAddress).distinct().toList());
    }

    /** Writes out what the kernel still buffers for the device before it goes; best effort. */
    private void flushBuffers(Path device) {
        if (commands.installed("blockdev")) {
            commands.run(config.commandTimeout(), List.of(), "blockdev", "--flushbufs", device.toString());
        }
    }

    /** The multipath map holding the LUN's disks, else its first disk. */
    private Path device(List<String> disks) {
        return disks.stream().map(sysfs::multipathHolder).flatMap(Optional::stream).findFirst()
                .map(name -> dev.resolve("mapper").resolve(name)).orElse(dev.resolve(disks.getFirst()));
    }

    static List<ScsiSysfs.KernelSession> sessionsOf(List<ScsiSysfs.KernelSession> sessions, IscsiAddress lun) {
        return sessions.stream().filter(s -> s.targetIqn().equals(lun.targetIqn()) && lun.portals().contains(s.portal()))
                .toList();
    }

    static List<String> disksOf(List<ScsiSysfs.KernelSession> sessions, IscsiAddress lun) {
        return sessionsOf(sessions, lun).stream().map(s -> s.disks().get(lun.lun())).filter(d -> d != null).toList();
    }
}
