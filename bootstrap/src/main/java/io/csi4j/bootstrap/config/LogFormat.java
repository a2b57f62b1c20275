package io.csi4j.bootstrap.config;

import java.util.Locale;
import java.util.Optional;

/** How log lines are written to stdout: human-readable text or one JSON object per line. */
public enum LogFormat {
    TEXT,
    JSON;

    public static Optional<LogFormat> parse(String s) {
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
