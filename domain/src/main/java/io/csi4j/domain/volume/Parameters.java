package io.csi4j.domain.volume;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An opaque string map from the CO (StorageClass parameters, contexts), kept sorted so equality and
 * rendering are stable. CSI limits every map to 4 KiB.
 */
public record Parameters(Map<String, String> values) {

    public static final int MAX_BYTES = 4096;
    public static final Parameters EMPTY = new Parameters(Map.of());

    /** Keys the Kubernetes external-provisioner adds; informative, accepted by every backend. */
    public static final String K8S_PREFIX = "csi.storage.k8s.io/";

    public Parameters {
        values = Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    /** Checks the CSI 4 KiB limit (keys and values in UTF-8). */
    public static Either<Failure, Parameters> of(String field, Map<String, String> values) {
        long bytes = 0;
        for (var e : values.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            return Either.left(Failure.invalidArgument(field + " exceeds " + MAX_BYTES + " bytes"));
        }
        return Either.right(new Parameters(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The parameters without the informative keys Kubernetes adds, for recording and comparison. */
    public Parameters withoutKubernetesKeys() {
        TreeMap<String, String> kept = new TreeMap<>(values);
        kept.keySet().removeIf(k -> k.startsWith(K8S_PREFIX));
        return new Parameters(kept);
    }

    /** Keys that are neither in {@code known} nor Kubernetes' informative keys. */
    public Set<String> unknownKeys(Set<String> known) {
        TreeMap<String, String> rest = new TreeMap<>(values);
        rest.keySet().removeIf(k -> known.contains(k) || k.startsWith(K8S_PREFIX));
        return rest.keySet();
    }

    /** Overlays {@code other}: its keys win. */
    public Parameters overriddenBy(Parameters other) {
        TreeMap<String, String> merged = new TreeMap<>(values);
        merged.putAll(other.values);
        return new Parameters(merged);
    }
}
