package io.csi4j.bootstrap.config;

import java.nio.file.Path;
import java.util.Optional;

/** What the command line said; each value overrides the environment and the file. */
public record CliOverrides(
        Optional<Path> config,
        Optional<String> endpoint,
        Optional<String> nodeId,
        Optional<String> driverName,
        Optional<String> mode,
        Optional<String> localRoot,
        Optional<String> logFormat,
        Optional<String> metricsAddress) {

    /** Without a metrics address. */
    public CliOverrides(Optional<Path> config, Optional<String> endpoint, Optional<String> nodeId,
            Optional<String> driverName, Optional<String> mode, Optional<String> localRoot, Optional<String> logFormat) {
        this(config, endpoint, nodeId, driverName, mode, localRoot, logFormat, Optional.empty());
    }

    public static CliOverrides none() {
        return new CliOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
