package io.csi4j.ports.in;

import io.csi4j.domain.health.Health;

/** The health of this instance: the worst of its backends' (CSI Probe). */
@FunctionalInterface
public interface ProbeUseCase {
    Health probe();
}
