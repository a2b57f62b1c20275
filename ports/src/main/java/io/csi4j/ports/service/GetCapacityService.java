package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.in.GetCapacityUseCase;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * CSI GetCapacity (§3.10): room for volumes that the selected backend would create with these parameters and
 * capabilities at this place; a place the backend does not serve has 0 available (not an error).
 */
public final class GetCapacityService implements GetCapacityUseCase {

    private final Backends backends;

    public GetCapacityService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, CapacityReport> capacity(List<VolumeCapability> capabilities, Parameters parameters,
            Optional<Topology> topology) {
        return BackendSelection.select(backends, parameters, Optional.empty())
                .flatMap(sel -> sel.backend().validate(sel.parameters(), capabilities)
                        .flatMap(ok -> sel.backend().capacity(sel.parameters(), topology)));
    }
}
