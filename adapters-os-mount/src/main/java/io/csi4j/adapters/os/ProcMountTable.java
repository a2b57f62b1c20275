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
     * Reads the table to its end. procfs hands out at most one page of mountinfo per read(2), whatever the buffer
     * (seq_file fills its own page-sized buffer, then stops), so a single read sees only the first few dozen mounts
     * of a busy node. Since Linux 5.8 the kernel keeps a cursor in the mount list between reads, so reading on
     * while others mount and unmount neither repeats nor drops a mount that exists throughout the read; a mount
     * made before the first read is always seen. (Comparing two full reads until they match, the older mount-utils
     * approach, never settles on a node that is busy mounting.)
     */
    private Either<Failure, String> consistentRead() {
        ByteBuffer buffer = ByteBuffer.allocate(INITIAL_BUFFER);
        try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ)) {
            while (ch.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() >= MAX_BUFFER) {
                        return Either.left(Failure.unavailable("the mount table of " + source + " exceeds "
                                + MAX_BUFFER + " bytes"));
                    }
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
                }
            }
            return Either.right(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Either.left(Failure.defect("cannot read " + source + ": " + e.getMessage()));
        }
    }
}
