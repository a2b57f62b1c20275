package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Locks on what several volumes of one node share: an iSCSI target's sessions (a logout must not race the login
 * of another LUN of the target) and the mount of a backing share (its release must not race an image being
 * attached from it). Unlike the per-volume in-flight guard these wait, because different volumes meeting on one
 * target is normal; a wait past the limit is OperationPending, so the CO retries. One instance per process; it keeps
 * one lock per target or share it has seen, which on a node are few.
 */
public final class NodeLocks {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration wait;

    public NodeLocks() {
        this(Duration.ofMinutes(2));
    }

    public NodeLocks(Duration wait) {
        this.wait = wait;
    }

    /** Runs {@code work} holding the lock of {@code key}, waiting at most the limit for it. */
    <T> Either<Failure, T> holding(String key, Supplier<Either<Failure, T>> work) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Either.left(Failure.pending(key + " is busy with another volume's operation; retry"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(Failure.unavailable("interrupted while waiting for " + key));
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    static String target(String iqn) {
        return "iSCSI target " + iqn;
    }

    static String share(Path mountPoint) {
        return "backing share mount " + mountPoint;
    }
}
