package io.csi4j.adapters.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.capability.PluginCapability;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeMapperTest {

    private static final Advertised WITH_TOPOLOGY = new Advertised(
            Set.of(PluginCapability.VOLUME_ACCESSIBILITY_CONSTRAINTS), Set.of(ControllerCapability.CLONE_VOLUME));

    @Test
    void theDataPathCanBeDecodedFromTheContextAndWinsOverAttributes() {
        var path = new DataPath.NfsExport("filer", "/export/vol", List.of("vers=4.1"));
        var volume = new Volume(VolumeId.foreign(new BackendName("ifl"), "cfg:project:vol"), Optional.empty(), 0,
                path, new Parameters(Map.of(DataPathCodec.KIND_KEY, "local-directory", "shared", "yes")),
                Optional.of(new ContentSource.FromVolume(new VolumeId(new BackendName("ifl"), "src"))),
                List.of(Topology.of("zone", "a"), Topology.of("zone", "b")), Parameters.EMPTY);

        var proto = VolumeMapper.toProto(volume, WITH_TOPOLOGY);

        assertThat(proto.getVolumeId()).isEqualTo("cfg:project:vol");
        assertThat(proto.getCapacityBytes()).isZero();
        assertThat(DataPathCodec.decode(proto.getVolumeContextMap()).get()).contains(path);
        assertThat(proto.getVolumeContextMap()).containsEntry("shared", "yes");
        assertThat(proto.getContentSource().getVolume().getVolumeId()).isEqualTo("ifl:src");
        assertThat(proto.getAccessibleTopologyList()).hasSize(2);
        assertThat(TopologyMapper.toDomain("t", proto.getAccessibleTopology(1)).get())
                .isEqualTo(Topology.of("zone", "b"));
    }
}
