package io.csi4j.adapters.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.AccessType;
import io.csi4j.domain.volume.VolumeCapability;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VolumeCapabilityMapperTest {

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void everyAccessModeRoundTripsWithBlockAndMountAccess(AccessMode mode) {
        var block = VolumeCapability.block(mode);
        var mount = new VolumeCapability(new AccessType.Mount("xfs", List.of("noatime", "nodiscard"), "2000"), mode);

        for (VolumeCapability capability : List.of(block, mount)) {
            var proto = VolumeCapabilityMapper.toProto(capability);
            assertThat(proto.getAccessMode().getMode().name()).isEqualTo(mode.name());
            assertThat(VolumeCapabilityMapper.toDomain("c", proto).get()).isEqualTo(capability);
        }
    }

    @ParameterizedTest
    @EnumSource(value = io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.class, names = {"UNKNOWN", "UNRECOGNIZED"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyWireAccessModeHasADomainMode(io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode mode) {
        var proto = io.csi4j.csi.v1.VolumeCapability.newBuilder()
                .setBlock(io.csi4j.csi.v1.VolumeCapability.BlockVolume.getDefaultInstance())
                .setAccessMode(io.csi4j.csi.v1.VolumeCapability.AccessMode.newBuilder().setMode(mode))
                .build();

        assertThat(VolumeCapabilityMapper.toDomain("c", proto).get().accessMode().name()).isEqualTo(mode.name());
    }
}
