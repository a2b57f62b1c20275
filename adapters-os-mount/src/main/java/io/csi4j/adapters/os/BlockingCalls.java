package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs file-system calls that can block forever (a stat on a dead NFS mount) with a time limit. Calls run on a
 * pool of daemon threads that grows as needed and shrinks when idle; on timeout the caller gets Timeout and the
 * thread is abandoned to its blocked call (the pool makes a new one for the next call). Only abandoned calls
 * count against the allowance: once more than {@code maxStuck} are still blocked, further calls fail fast as
 * Unavailable, so a dead server costs a few threads, not the process — while any number of healthy calls may
 * run at once.
 */
final class BlockingCalls {

    private static final long STACK_BYTES = 256 * 1024;
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int ABANDONED = 2;

    private final int maxStuck;
    private final AtomicInteger stuck = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> Thread.ofPlatform().daemon().name("csi4j-host-call", 0)
                    .stackSize(STACK_BYTES).unstarted(task));

    BlockingCalls(int maxStuck) {
        this.maxStuck = maxStuck;
    }

    /** Runs {@code task}; Timeout after {@code timeout}, Unavailable when too many earlier calls are stuck. */
    <T> Either<Failure, T> call(String what, Duration timeout, Supplier<Either<Failure, T>> task) {
        if (stuck.get() > maxStuck) {
            return Either.left(Failure.unavailable("cannot " + what + ": " + stuck.get()
                    + " earlier host calls are still blocked (a mount may be dead)"));
        }
        CompletableFuture<Either<Failure, T>> result = new CompletableFuture<>();
        AtomicInteger state = new AtomicInteger(RUNNING);
        inFlight.incrementAndGet();
        threads.execute(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                inFlight.decrementAndGet();
                if (!state.compareAndSet(RUNNING, FINISHED)) {
                    stuck.decrementAndGet();
                }
            }
        });
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                stuck.incrementAndGet();
                return Either.left(new Failure.Timeout("cannot " + what + ": no answer within " + timeout.toMillis()
                        + " ms (a mount may be dead)"));
            }
            return result.join();
        } catch (ExecutionException e) {
            return Either.left(Failure.defect("cannot " + what + ": " + e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(Failure.unavailable("interrupted while trying to " + what));
        }
    }

    /** How many calls are running or abandoned-but-blocked right now. */
    int inFlight() {
        return inFlight.get();
    }

    /** How many abandoned calls are still blocked (a sign of a dead mount). */
    int stuck() {
        return stuck.get();
    }
}
