package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.MountFlags;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options a network share is mounted with: a data path's options and the CO's mount flags, each checked by the
 * domain's mount-flag rule, merged by option name.
 */
final class OptionLists {

    private OptionLists() {}

    /**
     * Checks both lists and merges them by option name, keeping first appearance order: an option of {@code given}
     * (the CO's mount flags) replaces one of the same name in {@code base} (a data path's options).
     */
    static Either<Failure, Map<String, String>> merge(List<String> base, List<String> given) {
        return MountFlags.check(base).flatMap(b -> MountFlags.check(given).map(g -> {
            Map<String, String> merged = new LinkedHashMap<>();
            b.forEach(o -> merged.put(name(o), o));
            g.forEach(o -> merged.put(name(o), o));
            return merged;
        }));
    }

    /** An option's name: what comes before {@code =}, in lower case. */
    static String name(String option) {
        return option.split("=", 2)[0].toLowerCase(Locale.ROOT);
    }
}
