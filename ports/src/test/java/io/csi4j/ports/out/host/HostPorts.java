package io.csi4j.ports.out.host;

import java.util.Objects;

/** One implementation of every host port, over one host (real or fake), as the contract tests see it. */
public record HostPorts(
        MountTable mountTable,
        Mounter mounter,
        LoopDevices loopDevices,
        Filesystems filesystems,
        BlockDevices blockDevices,
        FilesystemStats stats,
        HostPaths paths) {

    public HostPorts {
        Objects.requireNonNull(mountTable, "'mountTable' must not be null");
        Objects.requireNonNull(mounter, "'mounter' must not be null");
        Objects.requireNonNull(loopDevices, "'loopDevices' must not be null");
        Objects.requireNonNull(filesystems, "'filesystems' must not be null");
        Objects.requireNonNull(blockDevices, "'blockDevices' must not be null");
        Objects.requireNonNull(stats, "'stats' must not be null");
        Objects.requireNonNull(paths, "'paths' must not be null");
    }
}
