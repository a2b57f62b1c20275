package io.csi4j.adapters.grpc.mapping;

import io.csi4j.csi.v1.ControllerExpandVolumeResponse;
import io.csi4j.domain.volume.Expansion;

/** Translates the outcome of a controller-side expansion. */
public final class ExpansionMapper {

    private ExpansionMapper() {}

    public static ControllerExpandVolumeResponse toProto(Expansion expansion) {
        return ControllerExpandVolumeResponse.newBuilder()
                .setCapacityBytes(expansion.capacityBytes())
                .setNodeExpansionRequired(expansion.nodeExpansionRequired())
                .build();
    }
}
