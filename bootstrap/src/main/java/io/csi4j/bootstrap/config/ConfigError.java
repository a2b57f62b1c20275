package io.csi4j.bootstrap.config;

/**
 * A configuration problem that stops the process at start: where it came from (a file, a flag, an environment
 * variable), which key, and why.
 */
public record ConfigError(String source, String key, String reason) {

    public String message() {
        return source + ": " + key + ": " + reason;
    }

    public ConfigError prefixKey(String prefix) {
        return new ConfigError(source, prefix + "." + key, reason);
    }
}
