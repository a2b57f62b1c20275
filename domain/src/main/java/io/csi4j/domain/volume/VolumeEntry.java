package io.csi4j.domain.volume;

/** A volume together with its status, as ListVolumes and ControllerGetVolume report it. */
public record VolumeEntry(Volume volume, VolumeStatus status) {}
