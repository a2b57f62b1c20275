package io.csi4j.ports.in;

import java.util.Objects;

/** The controller-side use cases, bundled for the adapter that serves them. */
public record ControllerUseCases(
        CreateVolumeUseCase createVolume,
        DeleteVolumeUseCase deleteVolume,
        ValidateVolumeCapabilitiesUseCase validateVolumeCapabilities,
        ListVolumesUseCase listVolumes,
        GetVolumeUseCase getVolume,
        GetCapacityUseCase getCapacity,
        ExpandVolumeUseCase expandVolume,
        CreateSnapshotUseCase createSnapshot,
        DeleteSnapshotUseCase deleteSnapshot,
        ListSnapshotsUseCase listSnapshots,
        GetSnapshotUseCase getSnapshot,
        PublishVolumeUseCase publishVolume,
        UnpublishVolumeUseCase unpublishVolume) {

    public ControllerUseCases {
        Objects.requireNonNull(createVolume, "'createVolume' must not be null");
        Objects.requireNonNull(deleteVolume, "'deleteVolume' must not be null");
        Objects.requireNonNull(validateVolumeCapabilities, "'validateVolumeCapabilities' must not be null");
        Objects.requireNonNull(listVolumes, "'listVolumes' must not be null");
        Objects.requireNonNull(getVolume, "'getVolume' must not be null");
        Objects.requireNonNull(getCapacity, "'getCapacity' must not be null");
        Objects.requireNonNull(expandVolume, "'expandVolume' must not be null");
        Objects.requireNonNull(createSnapshot, "'createSnapshot' must not be null");
        Objects.requireNonNull(deleteSnapshot, "'deleteSnapshot' must not be null");
        Objects.requireNonNull(listSnapshots, "'listSnapshots' must not be null");
        Objects.requireNonNull(getSnapshot, "'getSnapshot' must not be null");
        Objects.requireNonNull(publishVolume, "'publishVolume' must not be null");
        Objects.requireNonNull(unpublishVolume, "'unpublishVolume' must not be null");
    }
}
