package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Pages through several backends one after the other. The token is {@code <backend>/<backend's token>}, so
 * it stays valid across restarts and while objects come and go (§3.7: no consistent view is promised); a
 * token naming no configured backend is InvalidToken (ABORTED).
 */
final class BackendPager {

    private BackendPager() {}

    static <T> Either<Failure, Page<T>> page(List<VolumeBackend> order, PageRequest request,
            BiFunction<VolumeBackend, PageRequest, Either<Failure, Page<T>>> fetch) {
        if (order.isEmpty()) {
            return Either.right(Page.last(List.of()));
        }
        int index = 0;
        String inner = "";
        if (!request.startingToken().isEmpty()) {
            String token = request.startingToken();
            int slash = token.indexOf('/');
            int found = slash <= 0 ? -1 : indexOf(order, token.substring(0, slash));
            if (found < 0) {
                return Either.left(new Failure.InvalidToken("starting_token '" + token + "' was not issued by this driver"));
            }
            index = found;
            inner = token.substring(slash + 1);
        }
        List<T> items = new ArrayList<>();
        int max = request.maxEntries();
        while (index < order.size()) {
            VolumeBackend backend = order.get(index);
            int remaining = max == 0 ? 0 : max - items.size();
            Either<Failure, Page<T>> page = fetch.apply(backend, new PageRequest(inner, remaining));
            if (page.isLeft()) {
                return Either.left(page.getLeft());
            }
            items.addAll(page.get().items());
            boolean full = max > 0 && items.size() >= max;
            if (!page.get().isLast()) {
                if (full) {
                    return Either.right(new Page<>(items, backend.name().value() + "/" + page.get().nextToken()));
                }
                inner = page.get().nextToken();
                continue;
            }
            index++;
            inner = "";
            if (full) {
                String next = index < order.size() ? order.get(index).name().value() + "/" : "";
                return Either.right(new Page<>(items, next));
            }
        }
        return Either.right(Page.last(items));
    }

    private static int indexOf(List<VolumeBackend> order, String name) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(BackendName.parse(name).getOrNull())) {
                return i;
            }
        }
        return -1;
    }
}
