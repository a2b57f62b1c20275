package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.adapters.os.HostConfig;
import io.csi4j.adapters.os.LinuxHost;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.Mounter;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The low tier's parent shares as the controller reaches them: each piece of work mounts the share over NFS on a
 * private directory under {@code root}, runs, and unmounts (so concurrent creates never share a mount's
 * lifetime). The host adapter is made on first use, so a controller without low-tier volumes needs no mounting.
 */
final class MountedParentShares implements ParentShares {

    private final Path root;
    private volatile Mounter mounter;

    MountedParentShares(Path root) {
        this.root = root;
    }

    @Override
    public <T> Either<Failure, T> withShare(String server, String export, List<String> options,
            Function<Path, Either<Failure, T>> work) {
        Path dir = root.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot make the mount directory " + dir + ": " + e.getMessage()));
        }
        return mounter().flatMap(m -> m.mount(server + ":" + export, dir, "nfs", options)
                .flatMap(mounted -> {
                    Either<Failure, T> result = work.apply(dir);
                    Either<Failure, ?> unmounted = m.unmount(dir, Mounter.Unmount.NORMAL);
                    return unmounted.isLeft() && result.isRight() ? Either.<Failure, T>left(unmounted.getLeft()) : result;
                }))
                .peek(x -> removeQuietly(dir)).peekLeft(f -> removeQuietly(dir));
    }

    private Either<Failure, Mounter> mounter() {
        if (mounter == null) {
            synchronized (this) {
                if (mounter == null) {
                    Either<Failure, LinuxHost> host = LinuxHost.create(HostConfig.withRoots(List.of(root)));
                    if (host.isLeft()) {
                        return Either.left(host.getLeft());
                    }
                    mounter = host.get().mounter();
                }
            }
        }
        return Either.right(mounter);
    }

    private static void removeQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A directory still mounted on stays; the next start can see it under the root.
        }
    }
}
