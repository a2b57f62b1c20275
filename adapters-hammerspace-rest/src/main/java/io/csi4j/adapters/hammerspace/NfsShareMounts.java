package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.MountTable;
import io.csi4j.ports.out.host.Mounter;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NFS-mounts a share on the controller the first time its files are needed, under
 * {@code <mountRoot>/<share>}, and keeps it mounted for later calls: whether it is mounted is read from the mount
 * table each time, never remembered. Only the mount itself is serialised (per share), so creates in one backing
 * share run in parallel; the original plugin's per-share lock around {@code mkfs} is gone because the controller
 * never formats (the node formats a blank image when it first stages it). NFS versions are tried in the order
 * given (default 4.2, then 3 with {@code nolock}, which data portals that serve only v3 need).
 */
public final class NfsShareMounts implements ShareAccess {

    /** The versions tried in turn when the location names none. */
    public static final List<List<String>> DEFAULT_ATTEMPTS = List.of(List.of("vers=4.2"), List.of("vers=3", "nolock"));

    private final Mounter mounter;
    private final MountTable table;
    private final HostPaths paths;
    private final Path mountRoot;
    private final List<List<String>> attempts;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public NfsShareMounts(Mounter mounter, MountTable table, HostPaths paths, Path mountRoot,
            List<List<String>> attempts) {
        this.mounter = mounter;
        this.table = table;
        this.paths = paths;
        this.mountRoot = mountRoot;
        this.attempts = List.copyOf(attempts);
    }

    @Override
    public Either<Failure, Path> open(ShareLocation location) {
        Path target = mountRoot.resolve(location.share());
        String source = location.server() + ":" + location.export();
        Object lock = locks.computeIfAbsent(location.share(), s -> new Object());
        synchronized (lock) {
            return table.at(target).flatMap(m -> m.isPresent() ? reuse(m.get(), source, target) : mount(location,
                    source, target));
        }
    }

    private Either<Failure, Path> reuse(MountPoint m, String source, Path target) {
        if (!m.source().equals(source)) {
            return Either.left(Failure.precondition(target + " shows " + m.source() + ", not " + source
                    + "; unmount it so the controller can mount the share"));
        }
        return Either.right(target);
    }

    private Either<Failure, Path> mount(ShareLocation location, String source, Path target) {
        return paths.ensureDirectory(target).flatMap(ok -> {
            Failure last = Failure.unavailable("no NFS mount options to try for " + source);
            for (List<String> options : optionsToTry(location.options())) {
                var r = mounter.mount(source, target, "nfs", options);
                if (r.isRight()) {
                    return Either.right(target);
                }
                last = r.getLeft();
                if (last instanceof Failure.InvalidArgument) {
                    break;
                }
            }
            return Either.left(Failure.unavailable("cannot NFS-mount share " + location.share() + " from " + source
                    + " on the controller: " + last.message()));
        });
    }

    /** The share's own options when they name a version, else each default attempt with the share's options added. */
    List<List<String>> optionsToTry(List<String> given) {
        boolean versioned = given.stream().anyMatch(o -> o.startsWith("vers=") || o.startsWith("nfsvers="));
        if (versioned) {
            return List.of(given);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> a : attempts) {
            List<String> o = new ArrayList<>(a);
            o.addAll(given);
            out.add(o);
        }
        return out;
    }

    /** The directory a share is (or would be) mounted on. */
    Optional<Path> mountPoint(String share) {
        return Optional.of(mountRoot.resolve(share));
    }
}
