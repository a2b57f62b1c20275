package io.csi4j.adapters.intelliflash.core;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one array call per item with a bounded number in flight, keeping the order of the items: listings read
 * every dataset and would otherwise wait for each call's round trip in turn.
 */
public final class Parallel {

    static final int IN_FLIGHT = 16;

    private Parallel() {}

    public static <T, R> Either<Failure, List<R>> map(List<T> items, Function<T, Either<Failure, R>> call) {
        if (items.size() <= 1) {
            List<R> out = new ArrayList<>();
            for (T item : items) {
                Either<Failure, R> r = call.apply(item);
                if (r.isLeft()) {
                    return Either.left(r.getLeft());
                }
                out.add(r.get());
            }
            return Either.right(out);
        }
        Semaphore permits = new Semaphore(IN_FLIGHT);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Either<Failure, R>>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return call.apply(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> out = new ArrayList<>();
            for (Future<Either<Failure, R>> f : futures) {
                Either<Failure, R> r = f.get();
                if (r.isLeft()) {
                    return Either.left(r.getLeft());
                }
                out.add(r.get());
            }
            return Either.right(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(Failure.unavailable("interrupted while reading the array"));
        } catch (ExecutionException e) {
            return Either.left(Failure.defect("reading the array failed: " + e.getCause()));
        }
    }
}
