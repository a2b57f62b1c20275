package io.csi4j.domain.volume;

/** The health of a volume as one component sees it. */
public record VolumeCondition(boolean abnormal, String message) {

    public static VolumeCondition healthy(String message) {
        return new VolumeCondition(false, message);
    }

    public static VolumeCondition abnormal(String message) {
        return new VolumeCondition(true, message);
    }
}
