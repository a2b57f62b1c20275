package io.csi4j.bootstrap.config;

import io.csi4j.domain.id.BackendName;

/** One entry under {@code backends:}: its name, its type, and its own options (validated by its factory). */
public record BackendSettings(BackendName name, String type, ConfigTree options) {}
