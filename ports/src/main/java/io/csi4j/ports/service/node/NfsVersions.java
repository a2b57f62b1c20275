package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which NFS versions a mount tries, in order, and the options of each attempt. The version comes from the
 * capability's mount flags ({@code vers=} or {@code nfsvers=}), else from the data path's options, else from the
 * volume context's {@value #CONTEXT_KEY} (say {@code 4.1,3}), else from the node's configured order. Mount flags
 * win over data path options of the same name. {@code nolock} is passed only to an NFSv3 attempt (v4 locks
 * through the protocol itself), and only when asked for. A read-only access mode mounts read-only.
 */
final class NfsVersions {

    /** The volume context key that overrides the node's fallback order for one volume. */
    static final String CONTEXT_KEY = "csi4j.io/nfs-versions";

    private static final Set<String> KNOWN = Set.of("3", "4", "4.0", "4.1", "4.2");
    private static final List<String> VERSION_KEYS = List.of("nfsvers", "vers");

    private NfsVersions() {}

    /** One mount attempt: the version and every option it passes. */
    record Attempt(String version, List<String> options) {}

    static boolean isKnown(String version) {
        return KNOWN.contains(version);
    }

    static Either<Failure, List<Attempt>> plan(List<String> flags, List<String> pathOptions,
            Optional<String> contextVersions, List<String> fallback, boolean readOnly) {
        return OptionLists.merge(pathOptions, flags).flatMap(merged -> {
            Optional<String> explicit = version(flags).or(() -> version(pathOptions));
            Either<Failure, List<String>> versions = explicit.isPresent()
                    ? known(List.of(explicit.get()), "the mount option vers=")
                    : contextVersions.map(v -> known(Arrays.stream(v.split(",")).map(String::strip).toList(),
                            "volume_context " + CONTEXT_KEY)).orElse(Either.right(fallback));
            boolean nolock = merged.remove("nolock") != null;
            VERSION_KEYS.forEach(merged::remove);
            if (readOnly) {
                merged.remove("rw");
                merged.put("ro", "ro");
            }
            return versions.map(vs -> vs.stream().map(v -> attempt(v, merged.values(), nolock)).toList());
        });
    }

    private static Attempt attempt(String version, java.util.Collection<String> base, boolean nolock) {
        List<String> options = new ArrayList<>(base);
        options.add("vers=" + version);
        if (nolock && version.equals("3")) {
            options.add("nolock");
        }
        return new Attempt(version, options);
    }

    private static Either<Failure, List<String>> known(List<String> versions, String where) {
        for (String v : versions) {
            if (!isKnown(v)) {
                return Either.left(Failure.invalidArgument(where + " names NFS version '" + Printable.of(v)
                        + "'; this node mounts 3, 4, 4.0, 4.1 and 4.2"));
            }
        }
        return versions.isEmpty() ? Either.left(Failure.invalidArgument(where + " names no NFS version"))
                : Either.right(versions);
    }

    /** The value of the last {@code vers=} or {@code nfsvers=} among {@code options}. */
    private static Optional<String> version(List<String> options) {
        return options.stream().map(String::strip).filter(o -> VERSION_KEYS.contains(OptionLists.name(o)) && o.contains("="))
                .map(o -> o.substring(o.indexOf('=') + 1)).reduce((a, b) -> b);
    }
}
