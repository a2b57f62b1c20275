package io.csi4j.bootstrap.driver;

import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local volume kinds and access types the node tests cover: a directory (mount access), an image holding
 * ext4 or xfs (mount access), and a raw image (block access). Each knows its StorageClass parameters, a size its
 * filesystem accepts, and where kubelet puts its staging and target paths.
 */
enum NodeVolumeKind {
    DIRECTORY(Map.of("kind", "directory"), "", false, 64),
    EXT4(Map.of("kind", "image", "fsType", "ext4"), "ext4", false, 64),
    // mkfs.xfs refuses filesystems below 300 MiB.
    XFS(Map.of("kind", "image", "fsType", "xfs"), "xfs", false, 320),
    BLOCK(Map.of("kind", "image"), "", true, 32);

    private final Map<String, String> parameters;
    private final String fsType;
    private final boolean block;
    private final long mib;

    NodeVolumeKind(Map<String, String> parameters, String fsType, boolean block, long mib) {
        this.parameters = parameters;
        this.fsType = fsType;
        this.block = block;
        this.mib = mib;
    }

    Map<String, String> parameters() {
        return parameters;
    }

    boolean block() {
        return block;
    }

    boolean image() {
        return this != DIRECTORY;
    }

    String fsType() {
        return fsType;
    }

    long bytes() {
        return mib * NodeTestbed.MIB;
    }

    VolumeCapability capability(Mode mode) {
        return block ? NodeRequests.block(mode) : NodeRequests.mount(fsType, mode);
    }

    VolumeCapability capability() {
        return capability(Mode.SINGLE_NODE_WRITER);
    }

    Path staging(NodeTestbed bed, String pv) throws IOException {
        return block ? bed.blockStagingDir(pv) : bed.stagingDir(pv);
    }

    Path target(NodeTestbed bed, String pv, String pod) throws IOException {
        return block ? bed.blockTarget(pv, pod) : bed.target(pv, pod);
    }

    /** Where the staged volume shows: the staging directory, or the block file the plugin binds inside it. */
    Path stagedAt(Path staging) {
        return block ? staging.resolve("block") : staging;
    }
}
