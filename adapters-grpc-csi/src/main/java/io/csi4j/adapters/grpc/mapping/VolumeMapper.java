package io.csi4j.adapters.grpc.mapping;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.volume.Volume;

/** Translates a domain volume to the CSI Volume that CreateVolume, ListVolumes and ControllerGetVolume return. */
public final class VolumeMapper {

    private VolumeMapper() {}

    public static io.csi4j.csi.v1.Volume toProto(Volume volume, Advertised advertised) {
        var b = io.csi4j.csi.v1.Volume.newBuilder()
                .setVolumeId(volume.id().value())
                .setCapacityBytes(volume.capacityBytes())
                // The data path goes in last so that a backend attribute can never shadow what nodes decode.
                .putAllVolumeContext(volume.attributes().values())
                .putAllVolumeContext(DataPathCodec.encode(volume.dataPath()));
        // Kubernetes deletes a restored or cloned volume whose response lacks content_source (contract §7.5).
        volume.source().ifPresent(s -> b.setContentSource(ContentSourceMapper.toProto(s)));
        if (advertised.topology()) {
            volume.accessibleTopology().forEach(t -> b.addAccessibleTopology(TopologyMapper.toProto(t)));
        }
        return b.build();
    }
}
