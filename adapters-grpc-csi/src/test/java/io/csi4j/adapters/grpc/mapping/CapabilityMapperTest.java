package io.csi4j.adapters.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.capability.PluginCapability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityMapperTest {

    @Test
    void everyPluginCapabilityHasItsOwnWireValue() {
        var response = CapabilityMapper.plugin(EnumSet.allOf(PluginCapability.class));

        assertThat(response.getCapabilitiesList()).hasSize(PluginCapability.values().length).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c.getTypeCase()).isNotEqualTo(
                        io.csi4j.csi.v1.PluginCapability.TypeCase.TYPE_NOT_SET));
    }

    @Test
    void noCapabilitiesGiveAnEmptyAnswer() {
        assertThat(CapabilityMapper.plugin(Set.of()).getCapabilitiesCount()).isZero();
        assertThat(CapabilityMapper.controller(Set.of()).getCapabilitiesCount()).isZero();
    }
}
