package io.csi4j.adapters.grpc.identity;

import static io.csi4j.adapters.grpc.fakes.GrpcAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.grpc.fakes.FakeDescribe;
import io.csi4j.adapters.grpc.fakes.InProcessCsi;
import io.csi4j.csi.v1.GetPluginCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.PluginCapability;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ProbeResponse;
import io.csi4j.domain.health.Health;
import io.grpc.Status.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdentityServiceTest {

    private final InProcessCsi csi = new InProcessCsi();

    @AfterEach
    void close() {
        csi.close();
    }

    @Test
    void getPluginInfoReportsTheConfiguredNameAndVersion() {
        var info = csi.identityStub().getPluginInfo(GetPluginInfoRequest.getDefaultInstance());

        assertThat(info.getName()).isEqualTo(FakeDescribe.IDENTITY.name());
        assertThat(info.getVendorVersion()).isEqualTo(FakeDescribe.IDENTITY.version());
        assertThat(info.getManifestMap()).isEmpty();
    }

    @Test
    void getPluginCapabilitiesReportsServicesAndExpansionMode() {
        var caps = csi.identityStub().getPluginCapabilities(GetPluginCapabilitiesRequest.getDefaultInstance());

        assertThat(caps.getCapabilitiesList()).containsExactly(
                PluginCapability.newBuilder().setService(PluginCapability.Service.newBuilder()
                        .setType(PluginCapability.Service.Type.CONTROLLER_SERVICE)).build(),
                PluginCapability.newBuilder().setService(PluginCapability.Service.newBuilder()
                        .setType(PluginCapability.Service.Type.VOLUME_ACCESSIBILITY_CONSTRAINTS)).build(),
                PluginCapability.newBuilder().setVolumeExpansion(PluginCapability.VolumeExpansion.newBuilder()
                        .setType(PluginCapability.VolumeExpansion.Type.ONLINE)).build());
    }

    @Test
    void probeOfAReadyPluginAnswersReadyTrue() {
        csi.health.set(Health.ready());

        ProbeResponse probe = csi.identityStub().probe(ProbeRequest.getDefaultInstance());

        assertThat(probe.hasReady()).isTrue();
        assertThat(probe.getReady().getValue()).isTrue();
    }

    @Test
    void probeOfAStartingPluginAnswersOkWithReadyExplicitlyFalse() {
        csi.health.set(new Health.Starting("backend 'local' is scanning its volumes"));

        ProbeResponse probe = csi.identityStub().probe(ProbeRequest.getDefaultInstance());

        // An unset wrapper would mean "ready" (CSI §2.3), so false must be on the wire.
        assertThat(probe.hasReady()).isTrue();
        assertThat(probe.getReady().getValue()).isFalse();
    }

    @Test
    void probeOfABrokenPluginFailsWithFailedPreconditionAndTheDetail() {
        csi.health.set(new Health.Broken("mkfs.ext4 is not installed"));

        assertFails(() -> csi.identityStub().probe(ProbeRequest.getDefaultInstance()),
                Code.FAILED_PRECONDITION, "mkfs.ext4 is not installed");
    }
}
