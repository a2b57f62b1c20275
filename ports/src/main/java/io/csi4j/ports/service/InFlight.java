package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The per-name / per-id in-flight guard (CSI §1.3): while one call works on a key, a second call for the same
 * key is answered OperationPending (ABORTED) at once instead of blocking a thread; unrelated keys run in
 * parallel. It guards against concurrent duplicates only; correctness after a restart comes from the
 * backends' real state, not from this set.
 */
public final class InFlight {

    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} holding every key, or fails with OperationPending if any key is taken. */
    public <T> Either<Failure, T> exclusively(List<String> keys, Supplier<Either<Failure, T>> work) {
        List<String> held = new ArrayList<>(keys.size());
        for (String key : keys) {
            if (!busy.add(key)) {
                held.forEach(busy::remove);
                return Either.left(Failure.pending("an operation on " + key + " is already in progress"));
            }
            held.add(key);
        }
        try {
            return work.get();
        } finally {
            held.forEach(busy::remove);
        }
    }

    public <T> Either<Failure, T> exclusively(String key, Supplier<Either<Failure, T>> work) {
        return exclusively(List.of(key), work);
    }

    /** How many keys operations hold right now: a gauge of the volumes and snapshots being worked on. */
    public int size() {
        return busy.size();
    }

    /** Key for calls that work on a volume by CO name (CreateVolume). */
    public static String volumeName(String name) {
        return "volume name '" + name + "'";
    }

    /** Key for calls that work on a volume by id. */
    public static String volume(String id) {
        return "volume " + id;
    }

    /** Key for calls that work on a snapshot by CO name (CreateSnapshot). */
    public static String snapshotName(String name) {
        return "snapshot name '" + name + "'";
    }

    /** Key for calls that work on a snapshot by id. */
    public static String snapshot(String id) {
        return "snapshot " + id;
    }
}
