package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.AttachedLun;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import io.csi4j.ports.out.host.IscsiInitiator;
import io.csi4j.ports.out.host.IscsiSession;
import io.csi4j.ports.out.host.IscsiTarget;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake iSCSI initiator over fake targets, with the kernel's habits: a login scans every LUN of the target and
 * gives each a SCSI disk per session; a LUN's disk keeps its size until a rescan; a session survives until logged
 * out; records are what a login leaves behind until deleted. No multipath: the first session's disk is the device.
 */
final class FakeIscsi implements IscsiInitiator {

    private final FakeKernel kernel;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final Set<String> records = new HashSet<>();
    private int nextSession = 1;

    FakeIscsi(FakeKernel kernel) {
        this.kernel = kernel;
    }

    /** A target: the portals it listens on, its CHAP account, its LUNs' bytes. */
    private record Target(List<String> portals, Optional<ChapCredentials> chap, Map<Integer, FakeData> luns) {}

    /** A session and the disk it made for each LUN. */
    private record Session(int id, String portal, String iqn, Map<Integer, FakeDisk> disks) {}

    void addTarget(String iqn, List<String> portals, Optional<ChapCredentials> chap, long... lunBytes) {
        synchronized (kernel) {
            Map<Integer, FakeData> luns = new TreeMap<>();
            for (int i = 0; i < lunBytes.length; i++) {
                luns.put(i + 1, new FakeData(lunBytes[i]));
            }
            targets.put(iqn, new Target(List.copyOf(portals), chap, luns));
        }
    }

    void resizeLun(String iqn, int lun, long bytes) {
        synchronized (kernel) {
            targets.get(iqn).luns().get(lun).size = bytes;
        }
    }

    @Override
    public Either<Failure, List<IscsiTarget>> discover(String portal, Optional<ChapCredentials> chap) {
        return kernel.locked(() -> IscsiAddress.portal(portal).flatMap(p -> {
            List<IscsiTarget> offered = targets.entrySet().stream().filter(t -> t.getValue().portals().contains(p))
                    .map(t -> new IscsiTarget(p, t.getKey())).toList();
            return offered.isEmpty() ? Either.left(Failure.unavailable("cannot make connection to " + p
                    + ": Connection refused")) : Either.right(offered);
        }));
    }

    @Override
    public Either<Failure, Path> attach(IscsiAddress lun, Optional<ChapCredentials> chap) {
        return kernel.locked(() -> {
            Target target = targets.get(lun.targetIqn());
            List<Session> made = new ArrayList<>();
            Failure refused = null;
            for (String portal : lun.portals()) {
                if (session(lun.targetIqn(), portal).isPresent()) {
                    continue;
                }
                Optional<Failure> login = login(target, lun.targetIqn(), portal, chap);
                if (login.isPresent()) {
                    refused = refused == null ? login.get() : refused;
                    continue;
                }
                made.add(open(lun.targetIqn(), portal, target));
            }
            // A LUN whose disk was deleted while the session stayed comes back with a rescan, as the kernel's does.
            if (target != null && target.luns().containsKey(lun.lun())) {
                sessionsOf(lun).forEach(s -> s.disks().computeIfAbsent(lun.lun(),
                        n -> kernel.newScsiDisk(target.luns().get(n))));
            }
            Optional<Path> device = device(lun);
            if (device.isPresent()) {
                return Either.right(device.get());
            }
            made.forEach(this::close);
            return Either.left(refused != null ? refused : Failure.notFound("LUN " + lun.lun() + " of "
                    + lun.targetIqn() + " did not appear after login"));
        });
    }

    @Override
    public Either<Failure, Optional<Path>> find(IscsiAddress lun) {
        return kernel.locked(() -> Either.right(device(lun)));
    }

    @Override
    public Either<Failure, List<AttachedLun>> attached() {
        return kernel.locked(() -> {
            Map<String, List<Session>> byLun = new LinkedHashMap<>();
            for (Session s : sessions) {
                s.disks().keySet().forEach(n -> byLun.computeIfAbsent(s.iqn() + "#" + n, k -> new ArrayList<>()).add(s));
            }
            List<AttachedLun> out = new ArrayList<>();
            byLun.forEach((key, ss) -> {
                int n = Integer.parseInt(key.substring(key.lastIndexOf('#') + 1));
                List<Path> paths = ss.stream().map(s -> s.disks().get(n).node).toList();
                IscsiAddress address = new IscsiAddress(ss.stream().map(Session::portal).toList(), ss.getFirst().iqn(), n);
                out.add(new AttachedLun(address, paths.getFirst(), paths));
            });
            return Either.right(out);
        });
    }

    @Override
    public Either<Failure, Done> rescan(IscsiAddress lun) {
        return kernel.locked(() -> {
            List<Session> of = sessionsOf(lun);
            if (of.isEmpty()) {
                return Either.left(Failure.notFound("no session to " + lun.targetIqn() + " to rescan"));
            }
            of.forEach(s -> s.disks().values().forEach(d -> d.size = d.data.size));
            return Either.right(Done.DONE);
        });
    }

    @Override
    public Either<Failure, Done> detach(IscsiAddress lun, boolean logout) {
        return kernel.locked(() -> {
            for (Session s : sessionsOf(lun)) {
                FakeDisk disk = s.disks().remove(lun.lun());
                if (disk != null) {
                    kernel.removeDisk(disk.node);
                }
                if (logout) {
                    close(s);
                }
            }
            if (logout) {
                lun.portals().forEach(p -> records.remove(lun.targetIqn() + "@" + p));
            }
            return Either.right(Done.DONE);
        });
    }

    @Override
    public Either<Failure, List<IscsiSession>> sessions() {
        return kernel.locked(() -> Either.right(sessions.stream()
                .map(s -> new IscsiSession(s.id(), s.portal(), s.iqn())).toList()));
    }

    /** The node records left behind, as {@code iqn@portal}. */
    Set<String> records() {
        synchronized (kernel) {
            return Set.copyOf(records);
        }
    }

    private Optional<Failure> login(Target target, String iqn, String portal, Optional<ChapCredentials> chap) {
        if (target == null) {
            return targets.values().stream().anyMatch(t -> t.portals().contains(portal))
                    ? Optional.of(Failure.precondition("the target " + iqn + " refused the login (non-retryable)"))
                    : Optional.of(Failure.unavailable("cannot make connection to " + portal + ": Connection refused"));
        }
        if (!target.portals().contains(portal)) {
            return Optional.of(Failure.unavailable("cannot make connection to " + portal + ": Connection refused"));
        }
        if (target.chap().isPresent() && !target.chap().equals(chap)) {
            return Optional.of(new Failure.Unauthenticated("iSCSI login to " + iqn + " through " + portal
                    + " failed: authorization failure (check the CHAP secrets)"));
        }
        return Optional.empty();
    }

    private Session open(String iqn, String portal, Target target) {
        Map<Integer, FakeDisk> disks = new TreeMap<>();
        target.luns().forEach((n, data) -> disks.put(n, kernel.newScsiDisk(data)));
        Session s = new Session(nextSession++, portal, iqn, disks);
        sessions.add(s);
        records.add(iqn + "@" + portal);
        return s;
    }

    private void close(Session s) {
        s.disks().values().forEach(d -> kernel.removeDisk(d.node));
        sessions.remove(s);
    }

    private Optional<Session> session(String iqn, String portal) {
        return sessions.stream().filter(s -> s.iqn().equals(iqn) && s.portal().equals(portal)).findFirst();
    }

    private List<Session> sessionsOf(IscsiAddress lun) {
        return sessions.stream().filter(s -> s.iqn().equals(lun.targetIqn()) && lun.portals().contains(s.portal()))
                .toList();
    }

    private Optional<Path> device(IscsiAddress lun) {
        return sessionsOf(lun).stream().map(s -> s.disks().get(lun.lun())).filter(d -> d != null).map(d -> d.node)
                .findFirst();
    }
}
