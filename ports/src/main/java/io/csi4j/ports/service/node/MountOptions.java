package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mount flags from the CO, checked before they reach mount(8): each must be one plain option, and none may
 * change what is mounted or where (a bind, a move, a loop setup, a helper) — such a flag is InvalidArgument
 * and nothing is mounted. Values are never echoed in messages: mount flags may hold credentials.
 */
public final class MountOptions {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+/=-]*(=\"[^\"\\p{Cntrl}]*\")?");
    private static final Set<String> FORBIDDEN = Set.of("bind", "rbind", "move", "rmove", "remount", "loop", "offset",
            "sizelimit", "helper", "uhelper", "user", "users", "owner", "group", "x-mount", "make-shared",
            "make-slave", "make-private", "make-unbindable", "make-rshared", "make-rslave", "make-rprivate",
            "make-runbindable", "suid", "dev", "exec");

    private MountOptions() {}

    /**
     * Checks both lists and merges them by option name, keeping first appearance order: an option of {@code given}
     * (the CO's mount flags) replaces one of the same name in {@code base} (a data path's options).
     */
    static Either<Failure, Map<String, String>> merge(List<String> base, List<String> given) {
        return check(base).flatMap(b -> check(given).map(g -> {
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

    /** Checks every flag; the result is safe to pass as {@code -o} options. */
    public static Either<Failure, List<String>> check(List<String> flags) {
        List<String> out = new ArrayList<>(flags.size());
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i).trim();
            if (f.isEmpty()) {
                continue;
            }
            if (!FORM.matcher(f).matches() || f.contains(",")) {
                return Either.left(Failure.invalidArgument("mount flag #" + (i + 1) + " is not a single mount option"));
            }
            String name = f.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (FORBIDDEN.contains(name) || name.startsWith("x-") || name.startsWith("make-")) {
                return Either.left(Failure.invalidArgument("mount flag '" + name + "' is not allowed"));
            }
            out.add(f);
        }
        return Either.right(out);
    }
}
