package io.csi4j.bootstrap.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.domain.id.BackendName;
import io.vavr.control.Either;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The original Hammerspace plugin's environment ({@code HS_ENDPOINT}, {@code HS_USERNAME}, {@code HS_PASSWORD},
 * {@code HS_TLS_VERIFY}, {@code HS_DATA_PORTAL_MOUNT_PREFIX}) as one backend named {@code hammerspace}, so that a
 * deployment of that plugin runs csi4j unchanged. Every {@code HS_} variable must be one this driver knows, and bad
 * values are errors naming the variable. Unlike the original, TLS is verified unless {@code HS_TLS_VERIFY} is set to
 * false explicitly.
 */
final class HammerspaceEnvironment {

    static final String TYPE = "hammerspace";
    static final String DRIVER_NAME = "com.hammerspace.csi";
    static final String SOURCE = "(environment)";

    /** Variable → backend key. */
    private static final Map<String, String> KEYS = keys();

    private HammerspaceEnvironment() {}

    private static Map<String, String> keys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("HS_ENDPOINT", "endpoint");
        m.put("HS_USERNAME", "username");
        m.put("HS_PASSWORD", "password");
        m.put("HS_PASSWORD_FILE", "passwordFile");
        m.put("HS_TLS_VERIFY", "tlsVerify");
        m.put("HS_CA_FILE", "caFile");
        m.put("HS_DATA_PORTAL_MOUNT_PREFIX", "dataPortalMountPrefix");
        m.put("HS_CATALOG_SHARE", "catalogShare");
        m.put("HS_MOUNT_ROOT", "mountRoot");
        m.put("HS_NAMESPACE_ROOT", "namespaceRoot");
        return Map.copyOf(m);
    }

    static boolean present(Map<String, String> env) {
        return env.containsKey("HS_ENDPOINT");
    }

    /** The backend the variables describe. */
    static Either<ConfigError, BackendSettings> backend(Map<String, String> env) {
        Set<String> unknown = new TreeSet<>();
        env.keySet().stream().filter(k -> k.startsWith("HS_") && !KEYS.containsKey(k)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            return Either.left(new ConfigError(SOURCE, unknown.iterator().next(), "is not a Hammerspace setting this "
                    + "driver knows (known: " + new TreeSet<>(KEYS.keySet()) + ")"));
        }
        Optional<ConfigError> bad = endpoint(env.get("HS_ENDPOINT")).or(() -> required(env, "HS_USERNAME"))
                .or(() -> password(env)).or(() -> tlsVerify(env.get("HS_TLS_VERIFY")));
        if (bad.isPresent()) {
            return Either.left(bad.get());
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        KEYS.forEach((variable, key) -> {
            String v = env.get(variable);
            if (v != null && !v.isEmpty()) {
                node.put(key, variable.equals("HS_TLS_VERIFY") ? Boolean.toString(parseBool(v).orElseThrow()) : v);
            }
        });
        return Either.right(new BackendSettings(new BackendName(TYPE), TYPE,
                new ConfigTree(SOURCE + " HS_*", "backends." + TYPE, node)));
    }

    private static Optional<ConfigError> endpoint(String e) {
        try {
            URI u = URI.create(e == null ? "" : e.trim());
            if ("https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException x) {
            // reported below
        }
        return Optional.of(new ConfigError(SOURCE, "HS_ENDPOINT", "'" + e + "' is not an https:// URL with a host"));
    }

    private static Optional<ConfigError> required(Map<String, String> env, String variable) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? Optional.of(new ConfigError(SOURCE, variable, "is required with HS_ENDPOINT"))
                : Optional.empty();
    }

    private static Optional<ConfigError> password(Map<String, String> env) {
        boolean inline = env.get("HS_PASSWORD") != null && !env.get("HS_PASSWORD").isEmpty();
        boolean file = env.get("HS_PASSWORD_FILE") != null && !env.get("HS_PASSWORD_FILE").isEmpty();
        if (inline == file) {
            return Optional.of(new ConfigError(SOURCE, "HS_PASSWORD", "set exactly one of HS_PASSWORD and "
                    + "HS_PASSWORD_FILE"));
        }
        return Optional.empty();
    }

    private static Optional<ConfigError> tlsVerify(String v) {
        if (v == null || v.isEmpty() || parseBool(v).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigError(SOURCE, "HS_TLS_VERIFY", "'" + v + "' is not a boolean (true or false)"));
    }

    /** The values Go's strconv.ParseBool accepts, which the original plugin used. */
    static Optional<Boolean> parseBool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
            case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
