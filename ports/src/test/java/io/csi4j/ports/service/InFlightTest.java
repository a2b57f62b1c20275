package io.csi4j.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();

    @Test
    void sizeCountsTheKeysHeldWhileWorkRunsAndNoneAfter() {
        int[] during = new int[1];
        Either<Failure, Done> result = inFlight.exclusively(List.of(InFlight.volume("a"), InFlight.snapshot("b")), () -> {
            during[0] = inFlight.size();
            return Either.right(Done.DONE);
        });

        assertThat(result.isRight()).isTrue();
        assertThat(during[0]).isEqualTo(2);
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void aRefusedCallHoldsNothing() {
        inFlight.exclusively(InFlight.volume("a"), () -> {
            Either<Failure, Done> second = inFlight.exclusively(List.of(InFlight.volume("b"), InFlight.volume("a")),
                    () -> Either.right(Done.DONE));
            assertThat(second.getLeft()).isInstanceOf(Failure.OperationPending.class);
            assertThat(inFlight.size()).isEqualTo(1);
            return Either.right(Done.DONE);
        });
        assertThat(inFlight.size()).isZero();
    }
}
