package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.csi4j.ports.out.host.MountTable;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final int MAX_READS = 3;

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
     * The kernel builds mountinfo a page at a time; a mount or unmount during the read can drop or repeat
     * lines. Read until two consecutive reads agree (as kubernetes mount-utils does), at most three times.
     */
    private Either<Failure, String> consistentRead() {
        try {
            String previous = read();
            for (int i = 1; i < MAX_READS; i++) {
                String current = read();
                if (current.equals(previous)) {
                    return Either.right(current);
                }
                previous = current;
            }
            return Either.left(Failure.unavailable("the mount table kept changing while being read; retry"));
        } catch (IOException e) {
            return Either.left(Failure.defect("cannot read " + source + ": " + e.getMessage()));
        }
    }

    private String read() throws IOException {
        return new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
    }
}
