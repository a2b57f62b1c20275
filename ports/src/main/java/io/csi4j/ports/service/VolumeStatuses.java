package io.csi4j.ports.service;

import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.domain.volume.VolumeStatus;
import io.csi4j.ports.out.VolumeBackend;
import java.util.List;
import java.util.Optional;

/** Builds a volume's controller-side status from its backend: the nodes it is published to, its condition. */
final class VolumeStatuses {

    private VolumeStatuses() {}

    static VolumeEntry entry(VolumeBackend backend, Volume volume) {
        var nodes = backend.publishing()
                .map(p -> p.publishedNodes(volume.id()).getOrElse(List.of()))
                .orElse(List.of());
        Optional<VolumeCondition> condition = backend.features().volumeCondition()
                ? Optional.of(backend.condition(volume.id())
                        .fold(f -> VolumeCondition.abnormal(f.message()), c -> c))
                : Optional.empty();
        return new VolumeEntry(volume, new VolumeStatus(nodes, condition));
    }
}
