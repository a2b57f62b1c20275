package io.csi4j.adapters.hammerspace.rest;

import java.util.Objects;

/** A password: its value is handed to the login form only; it never appears in {@link #toString()}. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "'value' must not be null");
    }

    /** The value, for the login form only; never log the result. */
    String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "(redacted)";
    }
}
