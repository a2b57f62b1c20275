package io.csi4j.domain.volume;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for mount flags from the CO (a capability's {@code mount_flags}): each must be one plain option, and
 * none may change what is mounted or where (a bind, a move, a loop setup, a helper) or lift the node's safety
 * defaults (suid, dev, exec). A capability with such a flag is one this driver does not support: the controller
 * refuses to create for it and the node refuses to mount with it. Values are never echoed in messages: mount
 * flags may hold credentials.
 */
public final class MountFlags {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+/=-]*(=\"[^\"\\p{Cntrl}]*\")?");
    private static final Set<String> FORBIDDEN = Set.of("bind", "rbind", "move", "rmove", "remount", "loop", "offset",
            "sizelimit", "helper", "uhelper", "user", "users", "owner", "group", "x-mount", "make-shared",
            "make-slave", "make-private", "make-unbindable", "make-rshared", "make-rslave", "make-rprivate",
            "make-runbindable", "suid", "dev", "exec");

    private MountFlags() {}

    /** Checks every flag; the result (blank flags dropped, others trimmed) is safe to pass as {@code -o} options. */
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
