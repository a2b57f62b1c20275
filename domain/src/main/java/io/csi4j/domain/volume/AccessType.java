package io.csi4j.domain.volume;

import java.util.List;

/** Whether a workload sees a volume as a raw block device or as a mounted filesystem (CSI §6.2). */
public sealed interface AccessType {

    /** A raw block device placed at the target path. */
    record Block() implements AccessType {}

    /**
     * A filesystem mounted at the target path.
     *
     * @param fsType filesystem type, empty for the backend's default
     * @param mountFlags extra mount options (may be sensitive: never log them)
     * @param volumeMountGroup group id that must be able to read and write, empty for none
     */
    record Mount(String fsType, List<String> mountFlags, String volumeMountGroup) implements AccessType {
        public Mount {
            fsType = fsType == null ? "" : fsType;
            mountFlags = List.copyOf(mountFlags == null ? List.of() : mountFlags);
            volumeMountGroup = volumeMountGroup == null ? "" : volumeMountGroup;
        }

        @Override
        public String toString() {
            return "Mount[fsType=" + fsType + ", mountFlags=" + mountFlags.size() + " (redacted), volumeMountGroup="
                    + volumeMountGroup + "]";
        }
    }

    Block BLOCK = new Block();

    static Mount mount(String fsType) {
        return new Mount(fsType, List.of(), "");
    }

    default boolean isBlock() {
        return this instanceof Block;
    }
}
