package io.csi4j.ports.service;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.ports.in.ListVolumesUseCase;
import io.vavr.control.Either;

/** CSI ListVolumes (§3.7): every backend's volumes in configuration order, with their status. */
public final class ListVolumesService implements ListVolumesUseCase {

    private final Backends backends;

    public ListVolumesService(Backends backends) {
        this.backends = backends;
    }

    @Override
    public Either<Failure, Page<VolumeEntry>> listVolumes(PageRequest request) {
        return BackendPager.page(backends.all(), request, (backend, page) -> backend.list(page)
                .map(p -> new Page<>(p.items().stream().map(v -> VolumeStatuses.entry(backend, v)).toList(),
                        p.nextToken())));
    }
}
