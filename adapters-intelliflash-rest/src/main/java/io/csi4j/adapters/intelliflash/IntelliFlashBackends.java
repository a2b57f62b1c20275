package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.core.Array;
import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.adapters.intelliflash.core.Arrays;
import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.adapters.intelliflash.rest.RestClient;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RestRecorder;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds an IntelliFlash backend from its configuration: one REST client per array; no array is called yet. */
public final class IntelliFlashBackends {

    private IntelliFlashBackends() {}

    /**
     * @param parentShares how the controller reaches low-tier parent shares (file flavour); empty when it cannot
     */
    public static Either<Failure, ArrayBackend> open(IntelliFlashConfig config, Optional<ParentShares> parentShares,
            Clock clock) {
        return open(config, parentShares, clock, Recorders.none().rest(config.name().value()));
    }

    /**
     * Like {@link #open(IntelliFlashConfig, Optional, Clock)}, recording every REST call to the backend's arrays into
     * {@code metrics}.
     */
    public static Either<Failure, ArrayBackend> open(IntelliFlashConfig config, Optional<ParentShares> parentShares,
            Clock clock, RestRecorder metrics) {
        List<Array> arrays = new ArrayList<>();
        for (ArrayConfig a : config.arrays()) {
            Either<Failure, RestClient> client = RestClient.create(a.restIp(), a.credentials(), a.tls(), config.rest(),
                    metrics);
            if (client.isLeft()) {
                arrays.forEach(x -> x.api().client().close());
                return Either.left(Failure.invalidArgument("array " + a.configName() + ": " + client.getLeft().message()));
            }
            arrays.add(new Array(a, new ArrayApi(client.get())));
        }
        Arrays all = new Arrays(arrays);
        return Either.right(config.flavour() == Flavour.FILE
                ? new IntelliFlashFileBackend(config, all, parentShares, clock)
                : new IntelliFlashBlockBackend(config, all, clock));
    }
}
