package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.MountTable;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The mount table read afresh from {@code /proc/self/mountinfo} on every call. Reading procfs involves no
 * filesystem server, so it cannot hang on a dead mount.
 */
final class ProcMountTable implements MountTable {

    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final int MAX_BUFFER = 64 * 1024 * 1024;

    private final Path source;
    private final UnaryOperator<Path> canonicalRoots;

    ProcMountTable(Path source) {
        this(source, UnaryOperator.identity());
    }

    /**
     * {@code canonicalRoots} maps a path under a symlinked allowed root to the real root: the kernel reports
     * real paths, callers use the configured ones (a kubelet directory that is a symlink is common).
     */
    ProcMountTable(Path source, UnaryOperator<Path> canonicalRoots) {
        this.source = source;
        this.canonicalRoots = canonicalRoots;
    }

    @Override
    public Either<Failure, List<MountPoint>> mounts() {
        return consistentRead().flatMap(MountInfoParser::parse);
    }

    @Override
    public Either<Failure, Optional<MountPoint>> at(Path target) {
        Path wanted = canonicalRoots.apply(target.normalize());
        return mounts().map(all -> topmost(all.stream().filter(m -> m.target().equals(wanted)).toList()));
    }

    /** The targets of every mount, for path walks that must not stat a mount point. */
    Either<Failure, Set<Path>> targets() {
        return mounts().map(all -> {
            Set<Path> targets = new HashSet<>();
            all.forEach(m -> targets.add(m.target()));
            return targets;
        });
    }

    /**
     * Mounts stacked on one target form a chain; the topmost is the one no other mount at that target sits on
     * (table order alone is not reliable after a mount was moved).
     */
    private static Optional<MountPoint> topmost(List<MountPoint> stacked) {
        Set<Integer> parents = new HashSet<>();
        stacked.forEach(m -> parents.add(m.parentId()));
        return stacked.stream().filter(m -> !parents.contains(m.id())).reduce((first, second) -> second)
                .or(() -> stacked.isEmpty() ? Optional.empty() : Optional.of(stacked.getLast()));
    }

    /**
     * The kernel builds mountinfo under its namespace lock for the length of one read(2): a single read into a
     * buffer large enough for the whole table is a consistent snapshot even while other callers mount and
     * unmount (several reads, as with a small buffer, could drop or repeat lines; comparing two full reads — the
     * mount-utils approach — never settles when this node is busy mounting). The buffer doubles until one read
     * returns everything.
     */
    private Either<Failure, String> consistentRead() {
        int capacity = INITIAL_BUFFER;
        try {
            while (true) {
                ByteBuffer buffer = ByteBuffer.allocate(capacity);
                try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ)) {
                    int n = Math.max(0, ch.read(buffer));
                    if (n < capacity) {
                        return Either.right(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
                    }
                }
                if (capacity >= MAX_BUFFER) {
                    return Either.left(Failure.unavailable("the mount table of " + source + " exceeds " + MAX_BUFFER
                            + " bytes"));
                }
                capacity *= 2;
            }
        } catch (IOException e) {
            return Either.left(Failure.defect("cannot read " + source + ": " + e.getMessage()));
        }
    }
}
