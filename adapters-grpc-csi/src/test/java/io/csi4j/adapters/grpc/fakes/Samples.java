package io.csi4j.adapters.grpc.fakes;

import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability.AccessMode;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.csi4j.csi.v1.VolumeCapability.BlockVolume;
import io.csi4j.csi.v1.VolumeCapability.MountVolume;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.snapshot.Snapshot;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.csi4j.domain.volume.VolumeCondition;
import io.csi4j.domain.volume.VolumeEntry;
import io.csi4j.domain.volume.VolumeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sample domain values and requests shared by the tests. */
public final class Samples {

    public static final BackendName BACKEND = new BackendName("local");
    public static final VolumeId VOLUME_ID = new VolumeId(BACKEND, "vol-1");
    public static final SnapshotId SNAPSHOT_ID = new SnapshotId(BACKEND, "snap-1");
    public static final Topology NODE_1 = Topology.of("topology.csi4j.io/node", "node-1");
    public static final Instant CUT_AT = Instant.parse("2025-10-08T12:34:56.789Z");

    private Samples() {}

    public static Volume volume() {
        return new Volume(VOLUME_ID, Optional.of(new VolumeName("pvc-1")), 1L << 30,
                new DataPath.LocalDirectory("/var/lib/csi4j/local/vol-1"), new Parameters(Map.of("tier", "gold")),
                Optional.empty(), List.of(NODE_1), Parameters.EMPTY);
    }

    public static VolumeEntry entry() {
        return new VolumeEntry(volume(), new VolumeStatus(List.of(new NodeId("node-1")),
                Optional.of(VolumeCondition.abnormal("disk degraded"))));
    }

    public static Snapshot snapshot() {
        return new Snapshot(SNAPSHOT_ID, Optional.of(new SnapshotName("snap-pvc-1")), VOLUME_ID, 1L << 30, CUT_AT,
                true);
    }

    public static io.csi4j.csi.v1.VolumeCapability mount(String fsType, Mode mode, String... flags) {
        return io.csi4j.csi.v1.VolumeCapability.newBuilder()
                .setMount(MountVolume.newBuilder().setFsType(fsType).addAllMountFlags(List.of(flags)))
                .setAccessMode(AccessMode.newBuilder().setMode(mode))
                .build();
    }

    public static io.csi4j.csi.v1.VolumeCapability block(Mode mode) {
        return io.csi4j.csi.v1.VolumeCapability.newBuilder()
                .setBlock(BlockVolume.getDefaultInstance())
                .setAccessMode(AccessMode.newBuilder().setMode(mode))
                .build();
    }

    /** A minimal valid CreateVolume request. */
    public static CreateVolumeRequest.Builder createRequest() {
        return CreateVolumeRequest.newBuilder()
                .setName("pvc-1")
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER));
    }
}
