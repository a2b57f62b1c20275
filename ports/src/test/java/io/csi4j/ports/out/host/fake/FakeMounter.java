package io.csi4j.ports.out.host.fake;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.host.Mounter;
import io.csi4j.ports.out.host.fake.FakeKernel.Location;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fake mounting: tmpfs, filesystems on fake disks, and registered network shares (NFS exports with the versions
 * they offer, SMB shares that want credentials); binds of paths and device nodes. Busy mounts (open files,
 * mounts on top) resist all but a lazy unmount, as on Linux.
 */
final class FakeMounter implements Mounter {

    private static final Pattern FS_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final Set<String> FORBIDDEN = Set.of("bind", "rbind", "move", "remount");
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3");
    private static final long DEFAULT_TMPFS = 64L << 20;

    private final FakeKernel kernel;
    private final FakeConfinement confinement;
    private final Map<String, FakeShare> shares;

    FakeMounter(FakeKernel kernel, FakeConfinement confinement, Map<String, FakeShare> shares) {
        this.kernel = kernel;
        this.confinement = confinement;
        this.shares = shares;
    }

    @Override
    public Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options) {
        return mount(source, target, fsType, options, Secrets.NONE);
    }

    @Override
    public Either<Failure, Done> mount(String source, Path target, String fsType, List<String> options,
            Secrets credentials) {
        return kernel.locked(() -> checkOptions(source, fsType, options)
                .flatMap(ok -> checkCredentials(credentials))
                .flatMap(ok -> existing("target", target))
                .flatMap(at -> filesystem(source, fsType, options, credentials).map(mounted -> {
                    kernel.addMount(mounted.fs(), mounted.type(), "/", at.canonical(), source, parentAt(at),
                            options.contains("ro"), options);
                    return Done.DONE;
                })));
    }

    @Override
    public Either<Failure, Done> bind(Path source, Path target, boolean readOnly) {
        return kernel.locked(() -> bindSource(source).flatMap(from -> existing("target", target).map(to -> {
            kernel.addMount(from.mount().fs, from.mount().type, from.fsPath(), to.canonical(), from.mount().source,
                    parentAt(to),
                    readOnly, List.of());
            return Done.DONE;
        })));
    }

    @Override
    public Either<Failure, Done> remountReadOnly(Path target) {
        return kernel.locked(() -> confinement.locate("target", target, true).flatMap(at ->
                kernel.topmostAt(at.canonical()).<Either<Failure, Done>>map(mount -> {
                    mount.readOnly = true;
                    return Either.right(Done.DONE);
                }).orElseGet(() -> Either.left(Failure.notFound("nothing is mounted at " + at.canonical())))));
    }

    @Override
    public Either<Failure, Done> unmount(Path target, Unmount mode) {
        return kernel.locked(() -> confinement.locate("target", target, false).flatMap(at -> {
            Optional<FakeMount> top = kernel.topmostAt(at.canonical());
            if (top.isEmpty()) {
                return Either.right(Done.DONE);
            }
            FakeMount mount = top.get();
            if (mount.fs.dead && mode == Unmount.NORMAL) {
                return Either.left(new Failure.Timeout("umount of " + at.canonical() + " hangs: server is dead"));
            }
            if (mode != Unmount.LAZY && (mount.openFiles > 0 || !kernel.childrenOf(mount).isEmpty())) {
                return Either.left(Failure.precondition(at.canonical() + " is busy (still in use)"));
            }
            kernel.detachTree(mount);
            FakeLoopDevices.clearUnused(kernel);
            return Either.right(Done.DONE);
        }));
    }

    private Either<Failure, Location> existing(String field, Path path) {
        return confinement.locate(field, path, true).flatMap(at -> at.absent()
                ? Either.left(Failure.notFound(field + " " + at.canonical() + ": mount point does not exist"))
                : Either.right(at));
    }

    private Either<Failure, Location> bindSource(Path source) {
        if (FakeBlockDevices.disk(kernel, source).isRight()) {
            return kernel.resolve(source, true, p -> true);
        }
        return existing("source", source);
    }

    /** A filesystem and the type the mount table shows for this mount of it. */
    private record Mounted(FakeFs fs, String type) {}

    private Either<Failure, Mounted> filesystem(String source, String fsType, List<String> options,
            Secrets credentials) {
        if (fsType.equals("tmpfs")) {
            FakeFs fs = new FakeFs(kernel.anonymousDevice(), "tmpfs", source, tmpfsSize(options));
            return Either.right(new Mounted(fs, fs.type));
        }
        if (NETWORK.contains(fsType)) {
            return share(source, fsType, options, credentials);
        }
        Either<Failure, FakeDisk> found = source.startsWith("/") ? FakeBlockDevices.disk(kernel, Path.of(source))
                : Either.left(Failure.notFound(source));
        if (found.isLeft()) {
            return Either.left(Failure.notFound("special device " + source + " does not exist"));
        }
        FakeFs fs = found.get().data.filesystem();
        if (fs == null || !fs.type.equals(fsType)) {
            return Either.left(Failure.precondition("wrong fs type, bad option, bad superblock on " + source));
        }
        return Either.right(new Mounted(fs, fs.type));
    }

    private Either<Failure, Mounted> share(String source, String fsType, List<String> options, Secrets credentials) {
        FakeShare share = shares.get(source);
        if (share == null) {
            return Either.left(Failure.unavailable("mount.nfs: Connection refused for " + source));
        }
        if (share.fs.dead) {
            return Either.left(new Failure.Timeout("mount of " + source + " timed out"));
        }
        boolean smb = fsType.equals("cifs") || fsType.equals("smb3");
        if (smb != share.isSmb()) {
            return Either.left(Failure.precondition("wrong fs type, bad option, bad superblock on " + source));
        }
        if (smb) {
            return credentials.equals(share.credentials) ? Either.right(new Mounted(share.fs, "cifs"))
                    : Either.left(new Failure.PermissionDenied("mount error(13): Permission denied"));
        }
        String version = options.stream().filter(o -> o.startsWith("vers=") || o.startsWith("nfsvers="))
                .map(o -> o.substring(o.indexOf('=') + 1)).reduce((a, b) -> b).orElse("4");
        if (!share.offers(version)) {
            return Either.left(Failure.precondition("mount.nfs: Protocol not supported for " + source));
        }
        return Either.right(new Mounted(share.fs, version.equals("3") ? "nfs" : "nfs4"));
    }

    /** Credentials travel in a file, one {@code key=value} per line: a line break in a value would forge a line. */
    private static Either<Failure, Done> checkCredentials(Secrets credentials) {
        boolean broken = credentials.reveal().entrySet().stream()
                .anyMatch(e -> e.getKey().isEmpty() || (e.getKey() + e.getValue()).chars().anyMatch(c -> c == '\n'
                        || c == '\r' || c == 0) || e.getKey().contains("="));
        return broken ? Either.left(Failure.invalidArgument("mount credentials must be key=value without line breaks"))
                : Either.right(Done.DONE);
    }

    private int parentAt(Location at) {
        return kernel.topmostAt(at.canonical()).orElse(at.mount()).id;
    }

    private static long tmpfsSize(List<String> options) {
        for (String option : options) {
            if (option.startsWith("size=")) {
                String value = option.substring(5).toLowerCase(Locale.ROOT);
                long unit = value.endsWith("k") ? 1L << 10 : value.endsWith("m") ? 1L << 20
                        : value.endsWith("g") ? 1L << 30 : 1;
                return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
            }
        }
        return DEFAULT_TMPFS;
    }

    private static Either<Failure, Done> checkOptions(String source, String fsType, List<String> options) {
        if (source == null || source.isBlank() || source.indexOf('\0') >= 0) {
            return Either.left(Failure.invalidArgument("mount source must be a non-empty string without NUL"));
        }
        if (fsType == null || !FS_TYPE.matcher(fsType).matches()) {
            return Either.left(Failure.invalidArgument("filesystem type must be a plain name, got: " + fsType));
        }
        for (String option : options) {
            if (option == null || option.isEmpty() || option.indexOf(',') >= 0 || option.indexOf('\0') >= 0) {
                return Either.left(Failure.invalidArgument("every mount option must be one non-empty option"));
            }
            String key = option.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (FORBIDDEN.contains(key) || key.startsWith("make-") || key.startsWith("x-mount.")) {
                return Either.left(Failure.invalidArgument("mount option '" + key + "' is not allowed here"));
            }
        }
        return Either.right(Done.DONE);
    }
}
