package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs file-system calls that can block forever (a stat on a dead NFS mount) with a time limit. Each call gets
 * a fresh daemon thread; on timeout the caller gets Timeout and the thread is abandoned, never reused. A
 * bounded number of abandoned threads may still be blocked; beyond it calls fail fast as Unavailable, so a
 * dead server costs a few threads, not the process.
 */
final class BlockingCalls {

    private static final long STACK_BYTES = 256 * 1024;

    private final Semaphore slots;
    private final int maxStuck;

    BlockingCalls(int maxStuck) {
        this.maxStuck = maxStuck;
        // One slot more than the stuck allowance, so that a healthy call can still run when maxStuck are stuck.
        this.slots = new Semaphore(maxStuck + 1);
    }

    /** Runs {@code task}; Timeout after {@code timeout}, Unavailable when too many earlier calls are stuck. */
    <T> Either<Failure, T> call(String what, Duration timeout, Supplier<Either<Failure, T>> task) {
        if (!slots.tryAcquire()) {
            return Either.left(Failure.unavailable("cannot " + what + ": " + maxStuck
                    + " earlier host calls are still blocked (a mount may be dead)"));
        }
        CompletableFuture<Either<Failure, T>> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("csi4j-host-call").stackSize(STACK_BYTES).start(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                slots.release();
            }
        });
        return await(what, timeout, result);
    }

    /** How many calls are running or blocked right now. */
    int inFlight() {
        return maxStuck + 1 - slots.availablePermits();
    }

    private static <T> Either<Failure, T> await(String what, Duration timeout,
            CompletableFuture<Either<Failure, T>> result) {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Either.left(new Failure.Timeout("cannot " + what + ": no answer within " + timeout.toMillis()
                    + " ms (a mount may be dead)"));
        } catch (ExecutionException e) {
            return Either.left(Failure.defect("cannot " + what + ": " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(Failure.unavailable("interrupted while trying to " + what));
        }
    }
}
