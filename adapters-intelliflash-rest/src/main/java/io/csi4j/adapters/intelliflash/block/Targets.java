package io.csi4j.adapters.intelliflash.block;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The iSCSI targets of each target group, remembered for a minute: showing a LUN needs the target nodes log in
 * to, and target groups change rarely.
 */
final class Targets {

    private static final Duration KEEP = Duration.ofSeconds(60);

    private record Entry(List<String> targets, long at) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** The target of {@code group} nodes should use: {@code preferred} (IQN or suffix) when in the group, else the first. */
    Either<Failure, Optional<String>> target(String arrayName, ArrayApi api, String group, Optional<String> preferred) {
        String key = arrayName + "/" + group;
        Entry e = cache.get(key);
        if (e == null || System.nanoTime() - e.at() > KEEP.toNanos()) {
            var listed = Rest.optional(api.targetsIn(group), "listing the targets of target group " + group);
            if (listed.isLeft()) {
                return Either.left(listed.getLeft());
            }
            e = new Entry(listed.get().orElse(List.of()), System.nanoTime());
            cache.put(key, e);
        }
        List<String> targets = e.targets();
        Optional<String> chosen = preferred.flatMap(p -> targets.stream()
                .filter(t -> t.equals(p) || t.endsWith(":" + p)).findFirst());
        return Either.right(chosen.or(() -> targets.stream().findFirst()));
    }
}
