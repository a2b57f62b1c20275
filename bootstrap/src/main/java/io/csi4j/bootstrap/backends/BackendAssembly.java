package io.csi4j.bootstrap.backends;

import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.metrics.Recorders;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.service.Backends;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds every configured backend with its type's factory; the first failure stops the process at start. */
public final class BackendAssembly {

    private BackendAssembly() {}

    public static Either<ConfigError, Backends> assemble(Settings settings, Map<String, BackendFactory> factories) {
        return assemble(settings, factories, Recorders.none());
    }

    /** Each backend gets the recorder of its own REST calls, tagged with its name. */
    public static Either<ConfigError, Backends> assemble(Settings settings, Map<String, BackendFactory> factories,
            Recorders metrics) {
        List<VolumeBackend> built = new ArrayList<>();
        for (BackendSettings b : settings.backends()) {
            BackendFactory factory = factories.get(b.type());
            if (factory == null) {
                return Either.left(b.options().error("type", "no factory for backend type '" + b.type() + "'"));
            }
            Either<ConfigError, VolumeBackend> backend = factory.create(b, settings, metrics.rest(b.name().value()));
            if (backend.isLeft()) {
                return Either.left(backend.getLeft());
            }
            built.add(backend.get());
        }
        return Either.right(new Backends(built, settings.defaultBackend()));
    }
}
