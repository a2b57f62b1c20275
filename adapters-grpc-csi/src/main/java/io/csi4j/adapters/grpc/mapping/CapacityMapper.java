package io.csi4j.adapters.grpc.mapping;

import com.google.protobuf.Int64Value;
import io.csi4j.csi.v1.GetCapacityResponse;
import io.csi4j.domain.volume.CapacityReport;

/** Translates a capacity report; the size bounds are wrappers, set only when the backend has such a bound. */
public final class CapacityMapper {

    private CapacityMapper() {}

    public static GetCapacityResponse toProto(CapacityReport report) {
        var b = GetCapacityResponse.newBuilder().setAvailableCapacity(report.availableBytes());
        report.maximumVolumeBytes().ifPresent(max -> b.setMaximumVolumeSize(Int64Value.of(max)));
        report.minimumVolumeBytes().ifPresent(min -> b.setMinimumVolumeSize(Int64Value.of(min)));
        return b.build();
    }
}
