package io.csi4j.domain.volume;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Credentials the CO passes with a call. Never printed: {@link #toString()} shows only the key count. */
public final class Secrets {

    public static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> values;

    public Secrets(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The raw values, for adapters that must hand them to a storage system; never log the result. */
    public Map<String, String> reveal() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secrets s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " redacted]";
    }
}
