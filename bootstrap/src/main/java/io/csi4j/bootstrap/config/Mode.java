package io.csi4j.bootstrap.config;

import java.util.Locale;
import java.util.Optional;

/** Which CSI services this process serves. */
public enum Mode {
    CONTROLLER,
    NODE,
    ALL;

    public boolean servesController() {
        return this != NODE;
    }

    public boolean servesNode() {
        return this != CONTROLLER;
    }

    public static Optional<Mode> parse(String s) {
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
