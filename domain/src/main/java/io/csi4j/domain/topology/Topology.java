package io.csi4j.domain.topology;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A set of topology segments (key → value), e.g. {@code topology.csi4j.io/node=worker-1} (CSI §3.2.4). */
public record Topology(Map<String, String> segments) {

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?");
    private static final Pattern VALUE = NAME;

    public Topology {
        segments = Collections.unmodifiableMap(new TreeMap<>(segments));
    }

    public static Topology of(String key, String value) {
        return new Topology(Map.of(key, value));
    }

    /** Validates keys ({@code [prefix/]name}) and values as CSI requires; no two keys may differ only in case. */
    public static Either<Failure, Topology> parse(Map<String, String> segments) {
        var lower = new TreeMap<String, String>();
        for (var e : segments.entrySet()) {
            if (!validKey(e.getKey())) {
                return Either.left(Failure.invalidArgument("topology key '" + Printable.of(e.getKey())
                        + "' is not of the form [prefix/]name"));
            }
            if (!VALUE.matcher(e.getValue()).matches()) {
                return Either.left(Failure.invalidArgument("topology value '" + Printable.of(e.getValue())
                        + "' of key " + e.getKey() + " is not a valid segment"));
            }
            if (lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getKey()) != null) {
                return Either.left(Failure.invalidArgument("topology key " + e.getKey() + " occurs twice"));
            }
        }
        return Either.right(new Topology(segments));
    }

    static boolean validKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return NAME.matcher(key).matches();
        }
        return PREFIX.matcher(key.substring(0, slash)).matches() && NAME.matcher(key.substring(slash + 1)).matches();
    }

    /** True when every segment of this topology occurs with the same value in {@code other}. */
    public boolean isWithin(Topology other) {
        return segments.entrySet().stream().allMatch(e -> e.getValue().equals(other.segments.get(e.getKey())));
    }
}
