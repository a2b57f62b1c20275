package io.csi4j.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A map of configuration values read from YAML, with typed getters whose errors name the source and the full
 * key path, so a bad value stops the process with a message a person can act on.
 */
public final class ConfigTree {

    private final String source;
    private final String path;
    private final JsonNode node;

    public ConfigTree(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node == null || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
    }

    public static ConfigTree empty(String source, String path) {
        return new ConfigTree(source, path, null);
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    private String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public ConfigError error(String name, String reason) {
        return new ConfigError(source, key(name), reason);
    }

    public boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    /** Fails naming the first key that is not in {@code known}. */
    public Either<ConfigError, ConfigTree> onlyKeys(Set<String> known) {
        if (!node.isObject()) {
            return Either.left(new ConfigError(source, path.isEmpty() ? "(top level)" : path, "must be a map"));
        }
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            return Either.left(error(unknown.iterator().next(), "unknown key (known keys: " + new TreeSet<>(known) + ")"));
        }
        return Either.right(this);
    }

    public Either<ConfigError, Optional<String>> string(String name) {
        if (!has(name)) {
            return Either.right(Optional.empty());
        }
        JsonNode v = node.get(name);
        if (!v.isValueNode() || v.isBinary()) {
            return Either.left(error(name, "must be a single value, not a list or map"));
        }
        return Either.right(Optional.of(v.asText()));
    }

    public Either<ConfigError, Optional<Long>> size(String name) {
        return string(name).flatMap(s -> {
            if (s.isEmpty()) {
                return Either.right(Optional.empty());
            }
            var bytes = Sizes.parse(s.get());
            return bytes.isPresent() && bytes.getAsLong() > 0
                    ? Either.right(Optional.of(bytes.getAsLong()))
                    : Either.left(error(name, "'" + s.get() + "' is not a positive size such as 1073741824, 10Gi or 500Mi"));
        });
    }

    public Either<ConfigError, Optional<Boolean>> bool(String name) {
        return string(name).flatMap(s -> {
            if (s.isEmpty()) {
                return Either.right(Optional.empty());
            }
            return switch (s.get().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on" -> Either.right(Optional.of(true));
                case "false", "no", "off" -> Either.right(Optional.of(false));
                default -> Either.left(error(name, "'" + s.get() + "' is not true or false"));
            };
        });
    }

    public Either<ConfigError, Optional<Path>> absolutePath(String name) {
        return string(name).flatMap(s -> {
            if (s.isEmpty()) {
                return Either.right(Optional.empty());
            }
            Path p = Path.of(s.get());
            return p.isAbsolute() && p.normalize().equals(p)
                    ? Either.right(Optional.of(p))
                    : Either.left(error(name, "'" + s.get() + "' must be an absolute, normalised path"));
        });
    }

    public ConfigTree child(String name) {
        return new ConfigTree(source, key(name), node.get(name));
    }

    /** The entries of a map-valued key, in file order. */
    public Either<ConfigError, List<ConfigTree>> entries() {
        if (!node.isObject()) {
            return Either.left(new ConfigError(source, path, "must be a map"));
        }
        List<ConfigTree> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> out.add(child(f)));
        return Either.right(out);
    }

    /** Copies this tree's keys into {@code target} (for overlays built from flags). */
    public void copyInto(com.fasterxml.jackson.databind.node.ObjectNode target) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue()));
        }
    }

    /** The last segment of this tree's key path. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
