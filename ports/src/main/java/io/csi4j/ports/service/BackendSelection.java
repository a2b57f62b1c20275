package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Picks the backend for a request that creates something or asks for capacity: the StorageClass parameter
 * {@value #PARAMETER}, else the backend a content source lives on, else the default backend. The selection
 * key is removed before the parameters reach the backend, which validates the rest.
 */
final class BackendSelection {

    /** StorageClass parameter naming the backend (the key under {@code backends:} in the configuration). */
    static final String PARAMETER = "csi4j.io/backend";

    private BackendSelection() {}

    record Selected(VolumeBackend backend, Parameters parameters) {}

    static Either<Failure, Selected> select(Backends backends, Parameters parameters, Optional<VolumeBackend> sourceBackend) {
        Optional<String> asked = parameters.get(PARAMETER);
        Parameters forBackend = BackendSelectionKey.strip(parameters);
        if (asked.isPresent()) {
            return BackendName.parse(asked.get())
                    .mapLeft(f -> Failure.invalidArgument("parameter " + PARAMETER + ": " + f.message()))
                    .flatMap(name -> backends.named(name)
                            .<Either<Failure, VolumeBackend>>map(Either::right)
                            .orElseGet(() -> Either.left(Failure.invalidArgument("parameter " + PARAMETER
                                    + " names backend '" + name + "', which is not configured"))))
                    .flatMap(b -> sourceBackend.isPresent() && !sourceBackend.get().name().equals(b.name())
                            ? Either.left(Failure.invalidArgument("the content source lives on backend "
                                    + sourceBackend.get().name() + ", not on " + b.name()))
                            : Either.right(new Selected(b, forBackend)));
        }
        Optional<VolumeBackend> chosen = sourceBackend.or(backends::defaultBackend);
        return chosen.<Either<Failure, Selected>>map(b -> Either.right(new Selected(b, forBackend)))
                .orElseGet(() -> Either.left(Failure.invalidArgument("several backends are configured and none is "
                        + "the default: set the StorageClass parameter " + PARAMETER)));
    }
}
