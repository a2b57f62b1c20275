package io.csi4j.bootstrap.backends;

import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.metrics.RestRecorder;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.List;

/**
 * Builds one backend type from its configuration entry. Each factory declares its keys, so unknown keys stop the
 * process at start and the configuration reference can be generated from the code.
 */
public interface BackendFactory {

    /** The value of {@code type:} this factory builds. */
    String type();

    /** Every key a backend entry of this type accepts (besides {@code type}), with its meaning and default. */
    List<ConfigKey> keys();

    /** Validates the entry's options and builds the backend; a ConfigError names the key and the reason. */
    Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings);

    /**
     * Like {@link #create(BackendSettings, Settings)}, for a backend that calls a storage array's REST API:
     * {@code rest} records each call (docs/observability.md). Factories of such backends override this one.
     */
    default Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings, RestRecorder rest) {
        return create(backend, settings);
    }
}
