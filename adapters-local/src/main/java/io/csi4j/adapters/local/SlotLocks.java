package io.csi4j.adapters.local;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the calls that change one slot. The use cases already keep one call per name and one per id,
 * but a create for a name and a delete by the id of an older volume of that name arrive under different
 * keys and meet in the same slot. Striped locks, one held at a time, so unrelated slots run in parallel
 * and no deadlock is possible. Correctness after a restart never depends on them: they guard in-process
 * interleaving only.
 */
final class SlotLocks {

    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    SlotLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T holding(String slot, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(slot.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
