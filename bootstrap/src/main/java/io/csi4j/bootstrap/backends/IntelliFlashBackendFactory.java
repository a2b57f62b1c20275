package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.IntelliFlashBackends;
import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RestRecorder;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an IntelliFlash backend of one flavour from the original drivers' configuration keys (see
 * {@link IntelliFlashOptions}); no array is called at start, so a node that cannot reach the arrays still starts.
 */
abstract class IntelliFlashBackendFactory implements BackendFactory {

    private static final Logger LOG = LoggerFactory.getLogger(IntelliFlashBackendFactory.class);

    private final Flavour flavour;

    IntelliFlashBackendFactory(Flavour flavour) {
        this.flavour = flavour;
    }

    @Override
    public String type() {
        return flavour.type;
    }

    @Override
    public List<ConfigKey> keys() {
        return IntelliFlashOptions.KEYS;
    }

    @Override
    public Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings) {
        return create(backend, settings, Recorders.none().rest(backend.name().value()));
    }

    /** Every REST call to the backend's arrays is recorded into {@code rest}. */
    @Override
    public Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings, RestRecorder rest) {
        return IntelliFlashOptions.parse(backend, flavour).flatMap(parsed -> {
            for (ArrayConfig a : parsed.config().arrays()) {
                if (!a.tls().verify()) {
                    LOG.warn("backend={} array={} restIp={} TLS verification is off (tlsVerify: false): the array's "
                            + "identity is not checked", backend.name(), a.configName(), a.restIp());
                }
            }
            boolean lowTier = parsed.config().arrays().stream().anyMatch(a -> a.parentShareMountPoint().isPresent());
            Optional<ParentShares> parents = lowTier ? Optional.of(new MountedParentShares(parsed.lowTierMountDir()))
                    : Optional.empty();
            return IntelliFlashBackends.open(parsed.config(), parents, Clock.systemUTC(), rest)
                    .<VolumeBackend>map(b -> b)
                    .mapLeft(f -> new ConfigError(backend.options().source(), backend.options().path(), f.message()));
        });
    }
}
