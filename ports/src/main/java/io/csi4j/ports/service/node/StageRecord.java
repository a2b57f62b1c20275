package io.csi4j.ports.service.node;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What staging set up on the host beyond mounts (an image attached to a loop device, ...), written into the staging
 * directory before anything is mounted there, so unstaging can undo it even after a crash or restart.
 */
record StageRecord(String volumeId, Optional<String> imageFile) {

    private static final String VOLUME = "volume";
    private static final String IMAGE = "image";

    Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put(VOLUME, volumeId);
        imageFile.ifPresent(f -> m.put(IMAGE, f));
        return m;
    }

    static StageRecord fromMap(Map<String, String> m) {
        return new StageRecord(m.getOrDefault(VOLUME, ""), Optional.ofNullable(m.get(IMAGE)));
    }
}
