package io.csi4j.adapters.grpc.status;

import io.csi4j.domain.failure.Failure;
import io.grpc.stub.StreamObserver;
import io.vavr.control.Either;

/** Completes a unary call from a use-case outcome: the response on success, the mapped status on failure. */
public final class Replies {

    private Replies() {}

    public static <T> void send(StreamObserver<T> observer, Either<Failure, T> outcome) {
        if (outcome.isLeft()) {
            observer.onError(FailureStatus.exception(outcome.getLeft()));
            return;
        }
        observer.onNext(outcome.get());
        observer.onCompleted();
    }
}
