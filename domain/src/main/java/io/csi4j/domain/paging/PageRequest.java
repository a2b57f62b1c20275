package io.csi4j.domain.paging;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Where a listing starts and how long a page may be.
 *
 * @param startingToken a token from an earlier page, or empty for the beginning
 * @param maxEntries at most this many entries; 0 means no limit
 */
public record PageRequest(String startingToken, int maxEntries) {

    public static final PageRequest ALL = new PageRequest("", 0);

    public PageRequest {
        Objects.requireNonNull(startingToken, "'startingToken' must not be null");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("max entries must not be negative");
        }
    }

    public static Either<Failure, PageRequest> of(String startingToken, int maxEntries) {
        if (maxEntries < 0) {
            return Either.left(Failure.invalidArgument("max_entries must not be negative"));
        }
        return Either.right(new PageRequest(startingToken == null ? "" : startingToken, maxEntries));
    }

    /** The page length to use: {@code maxEntries}, or {@code fallback} when there is no limit. */
    public int limitOr(int fallback) {
        return maxEntries == 0 ? fallback : maxEntries;
    }
}
