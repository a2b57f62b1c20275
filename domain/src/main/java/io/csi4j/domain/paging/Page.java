package io.csi4j.domain.paging;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing in a stable order.
 *
 * @param nextToken where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "'nextToken' must not be null");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, "");
    }

    public boolean isLast() {
        return nextToken.isEmpty();
    }
}
