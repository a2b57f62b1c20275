package io.csi4j.ports.in;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.csi4j.domain.volume.VolumeEntry;
import io.vavr.control.Either;

/** Lists every volume of every backend, page by page (CSI ListVolumes). */
@FunctionalInterface
public interface ListVolumesUseCase {
    Either<Failure, Page<VolumeEntry>> listVolumes(PageRequest request);
}
