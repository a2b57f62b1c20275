package io.csi4j.ports.service;

import io.csi4j.domain.health.Health;
import io.csi4j.ports.in.ProbeUseCase;

/** CSI Probe (§2.3): the worst health among the configured backends. */
public final class ProbeService implements ProbeUseCase {

    private final Backends backends;

    public ProbeService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Health probe() {
        Health worst = Health.ready();
        for (var b : backends.all()) {
            worst = worst.and(b.probe());
        }
        return worst;
    }
}
