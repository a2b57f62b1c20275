package io.csi4j.adapters.intelliflash.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.Optional;

/** Small conversions from REST results to domain results, with the context of the step that failed. */
public final class Rest {

    private Rest() {}

    public static <T> Either<Failure, T> ok(Either<RestError, T> r, String context) {
        return r.mapLeft(e -> e.toFailure(context));
    }

    public static Either<Failure, Done> done(Either<RestError, JsonNode> r, String context) {
        return r.mapLeft(e -> e.toFailure(context)).map(x -> Done.DONE);
    }

    /** Absent (EZEBI_RESOURCE_NOT_FOUND) becomes empty instead of a failure. */
    public static <T> Either<Failure, Optional<T>> optional(Either<RestError, T> r, String context) {
        if (r.isLeft() && r.getLeft().notFound()) {
            return Either.right(Optional.empty());
        }
        return r.mapLeft(e -> e.toFailure(context)).map(Optional::of);
    }

    /** A delete of something already gone is done. */
    public static Either<Failure, Done> gone(Either<RestError, JsonNode> r, String context) {
        if (r.isLeft() && r.getLeft().notFound()) {
            return Either.right(Done.DONE);
        }
        return done(r, context);
    }
}
