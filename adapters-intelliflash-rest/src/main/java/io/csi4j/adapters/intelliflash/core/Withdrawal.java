package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/** Takes a dataset out of service (exports off, LUN views removed) when it is kept only for its snapshots. */
@FunctionalInterface
public interface Withdrawal {

    Either<Failure, Done> withdraw(ArrayApi api, Found dataset);
}
