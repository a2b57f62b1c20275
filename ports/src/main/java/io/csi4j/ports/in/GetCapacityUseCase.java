package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.CapacityReport;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/** Room for new volumes with these capabilities and parameters at this place (CSI GetCapacity). */
@FunctionalInterface
public interface GetCapacityUseCase {
    Either<Failure, CapacityReport> capacity(List<VolumeCapability> capabilities, Parameters parameters,
            Optional<Topology> topology);
}
