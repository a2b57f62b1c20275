package io.csi4j.adapters.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingCallsTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void returnsTheCallsOutcome() {
        BlockingCalls calls = new BlockingCalls(2);

        assertThat(calls.call("add", SHORT, () -> Either.right(42)).get()).isEqualTo(42);
        assertThat(calls.call("fail", SHORT, () -> Either.left(Failure.notFound("x"))).getLeft())
                .isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void aCallThatBlocksIsAbandonedWithTimeoutAndKeepsItsSlotUntilItReturns() throws InterruptedException {
        BlockingCalls calls = new BlockingCalls(2);
        CountDownLatch release = new CountDownLatch(1);
        long start = System.nanoTime();

        Either<Failure, Object> outcome = calls.call("stat a dead mount", SHORT, () -> await(release));

        assertThat(outcome.getLeft()).isInstanceOf(Failure.Timeout.class);
        assertThat(outcome.getLeft().message()).contains("stat a dead mount");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(calls.inFlight()).isEqualTo(1);
        release.countDown();
        waitUntilIdle(calls);
        assertThat(calls.inFlight()).isZero();
    }

    @Test
    void whenTooManyCallsAreStuckFurtherOnesFailFastAsUnavailable() throws InterruptedException {
        BlockingCalls calls = new BlockingCalls(1);
        CountDownLatch release = new CountDownLatch(1);
        calls.call("first", SHORT, () -> await(release));
        calls.call("second", SHORT, () -> await(release));

        Either<Failure, Integer> third = calls.call("third", Duration.ofSeconds(5), () -> Either.right(3));

        assertThat(third.getLeft()).isInstanceOf(Failure.Unavailable.class);
        release.countDown();
        waitUntilIdle(calls);
        assertThat(calls.call("fourth", Duration.ofSeconds(5), () -> Either.right(4)).get()).isEqualTo(4);
    }

    @Test
    void manyHealthyCallsMayRunAtOnceWhateverTheStuckAllowance() throws InterruptedException {
        BlockingCalls calls = new BlockingCalls(1);
        CountDownLatch inside = new CountDownLatch(32);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        var outcomes = new java.util.concurrent.ConcurrentLinkedQueue<Either<Failure, Integer>>();
        for (int i = 0; i < 32; i++) {
            pool.execute(() -> outcomes.add(calls.call("slow but healthy", Duration.ofSeconds(10), () -> {
                inside.countDown();
                try {
                    inside.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Either.right(1);
            })));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).hasSize(32).allMatch(Either::isRight);
        assertThat(calls.stuck()).isZero();
    }

    @Test
    void anExceptionInTheCallIsADefect() {
        assertThat(new BlockingCalls(1).call("explode", SHORT, () -> {
            throw new IllegalStateException("boom");
        }).getLeft()).isInstanceOf(Failure.Defect.class);
    }

    private static <T> Either<Failure, T> await(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Either.left(Failure.unavailable("released"));
    }

    private static void waitUntilIdle(BlockingCalls calls) throws InterruptedException {
        for (int i = 0; i < 100 && calls.inFlight() > 0; i++) {
            Thread.sleep(20);
        }
    }
}
