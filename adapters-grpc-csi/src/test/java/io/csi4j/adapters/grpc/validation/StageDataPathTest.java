package io.csi4j.adapters.grpc.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where NodeStageVolume finds the data path: publish context, then volume context, then plain file keys. */
class StageDataPathTest {

    static final Advertised ADVERTISED = new Advertised(Set.of(), Set.of(ControllerCapability.PUBLISH_UNPUBLISH_VOLUME));
    static final DataPath NFS = new DataPath.NfsExport("10.0.0.9", "/export/p/v", List.of("vers=4"));
    static final DataPath LUN = new DataPath.IscsiLun(List.of("10.0.0.9:3260"), "iqn.2012-02.com.tegile:csi", 3, false);

    static NodeStageVolumeRequest request(Map<String, String> publish, Map<String, String> volume) {
        return NodeStageVolumeRequest.newBuilder().setVolumeId("array1:p:v").setStagingTargetPath("/var/lib/kubelet/s")
                .setVolumeCapability(VolumeCapability.newBuilder()
                        .setMount(VolumeCapability.MountVolume.getDefaultInstance())
                        .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                                .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)))
                .putAllPublishContext(publish).putAllVolumeContext(volume).build();
    }

    @Test
    void thePublishContextWinsOverTheVolumeContext() {
        var c = NodeRequestValidation.stage(request(DataPathCodec.encode(LUN), DataPathCodec.encode(NFS)), ADVERTISED).get();

        assertThat(c.dataPath()).contains(LUN);
    }

    @Test
    void theVolumeContextServesWhenThePublishContextHasNoDataPath() {
        var c = NodeRequestValidation.stage(request(Map.of(), DataPathCodec.encode(NFS)), ADVERTISED).get();

        assertThat(c.dataPath()).contains(NFS);
    }

    @Test
    void aPreProvisionedFileVolumeMayNameItsExportWithPlainKeys() {
        var nfs = NodeRequestValidation.stage(request(Map.of(), Map.of("dataIp", "10.0.0.9", "mountPoint", "/export/p/v",
                "mountOptions", "vers=4")), ADVERTISED).get();
        var smb = NodeRequestValidation.stage(request(Map.of(), Map.of("dataIp", "10.0.0.9", "mountFsType", "cifs",
                "smbShare", "p_v")), ADVERTISED).get();

        assertThat(nfs.dataPath()).contains(NFS);
        assertThat(smb.dataPath()).contains(new DataPath.SmbShare("10.0.0.9", "p_v", List.of()));
    }

    @Test
    void aContextThatSaysNothingLeavesTheDataPathToTheBackendThatOwnsTheVolume() {
        var original = NodeRequestValidation.stage(request(Map.of(), Map.of("mode", "Filesystem", "fsType", "nfs",
                "mountBackingShareName", "")), ADVERTISED).get();
        var incomplete = NodeRequestValidation.stage(request(Map.of(), Map.of("dataIp", "10.0.0.9", "mountFsType",
                "nfs")), ADVERTISED).get();

        assertThat(original.dataPath()).isEmpty();
        assertThat(original.volumeContext().get("mode")).contains("Filesystem");
        assertThat(incomplete.dataPath()).isEmpty();
    }

    @Test
    void aDataPathOfAnUnknownKindIsRefused() {
        var r = NodeRequestValidation.stage(request(Map.of(), Map.of(DataPathCodec.KIND_KEY, "teleport")), ADVERTISED);

        assertThat(r.getLeft()).isInstanceOf(Failure.InvalidArgument.class);
    }
}
