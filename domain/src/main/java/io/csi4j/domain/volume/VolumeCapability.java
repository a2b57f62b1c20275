package io.csi4j.domain.volume;

import java.util.Objects;

/** One way a workload will use a volume: access type plus access mode. */
public record VolumeCapability(AccessType accessType, AccessMode accessMode) {

    public VolumeCapability {
        Objects.requireNonNull(accessType, "'accessType' must not be null");
        Objects.requireNonNull(accessMode, "'accessMode' must not be null");
    }

    public static VolumeCapability mount(String fsType, AccessMode mode) {
        return new VolumeCapability(AccessType.mount(fsType), mode);
    }

    public static VolumeCapability block(AccessMode mode) {
        return new VolumeCapability(AccessType.BLOCK, mode);
    }

    public boolean isBlock() {
        return accessType.isBlock();
    }

    /** The requested filesystem type, empty for block access or for "backend default". */
    public String fsType() {
        return accessType instanceof AccessType.Mount m ? m.fsType() : "";
    }
}
