package io.csi4j.bootstrap.backends;

/** One documented configuration key of a backend type: name, meaning, and default (empty when required). */
public record ConfigKey(String name, String description, String defaultValue) {}
