package io.csi4j.ports.service.node;

import io.csi4j.ports.out.host.BlockDevices;
import io.csi4j.ports.out.host.FilesystemStats;
import io.csi4j.ports.out.host.Filesystems;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.IscsiInitiator;
import io.csi4j.ports.out.host.LoopDevices;
import io.csi4j.ports.out.host.MountTable;
import io.csi4j.ports.out.host.Mounter;
import java.util.Objects;

/** The host out-ports the node use cases work through, bundled. */
public record NodeHost(
        MountTable mountTable,
        Mounter mounter,
        LoopDevices loops,
        Filesystems filesystems,
        BlockDevices blockDevices,
        FilesystemStats stats,
        HostPaths paths,
        IscsiInitiator iscsi) {

    public NodeHost {
        Objects.requireNonNull(mountTable, "'mountTable' must not be null");
        Objects.requireNonNull(mounter, "'mounter' must not be null");
        Objects.requireNonNull(loops, "'loops' must not be null");
        Objects.requireNonNull(filesystems, "'filesystems' must not be null");
        Objects.requireNonNull(blockDevices, "'blockDevices' must not be null");
        Objects.requireNonNull(stats, "'stats' must not be null");
        Objects.requireNonNull(paths, "'paths' must not be null");
        Objects.requireNonNull(iscsi, "'iscsi' must not be null");
    }

    /** A host without an iSCSI initiator: iSCSI volumes are refused with FailedPrecondition. */
    public NodeHost(MountTable mountTable, Mounter mounter, LoopDevices loops, Filesystems filesystems,
            BlockDevices blockDevices, FilesystemStats stats, HostPaths paths) {
        this(mountTable, mounter, loops, filesystems, blockDevices, stats, paths, IscsiInitiator.NONE);
    }
}
