package io.csi4j.bootstrap.config;

/**
 * Unwinds straight-line option parsing at the first bad key, carrying what was wrong there; the parser that throws
 * it catches it and returns the {@link ConfigError} as a value, so it never escapes a parser.
 */
public final class InvalidConfig extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient ConfigError error;

    public InvalidConfig(ConfigError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ConfigError error() {
        return error;
    }
}
