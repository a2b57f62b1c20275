package io.csi4j.architecture;

import io.csi4j.fixture.adapteronadapter.adapters.local.LocalUsingOs;
import io.csi4j.fixture.adapteronbootstrap.adapters.local.LocalUsingBootstrap;
import io.csi4j.fixture.adapteronservice.adapters.grpc.HandlerUsingService;
import io.csi4j.fixture.cycle.metrics.Metrics;
import io.csi4j.fixture.hostexeconport.hostexec.ToolRunner;
import io.csi4j.fixture.portonservice.ports.in.UseCaseUsingService;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    @Test
    void servicesAreUsedOnlyByBootstrapFailsOnAnAdapterHoldingAUseCaseImplementation() {
        Verdict.onlyBroken("adapteronservice", Csi4jArchitecture::servicesAreUsedOnlyByBootstrap,
                HandlerUsingService.class, Fixtures.base("adapteronservice") + ".ports.service.CreateService");
    }

    @Test
    void servicesAreUsedOnlyByBootstrapFailsOnAnInPortThatReachesIntoTheServices() {
        Verdict.onlyBroken("portonservice", Csi4jArchitecture::servicesAreUsedOnlyByBootstrap,
                UseCaseUsingService.class, Fixtures.base("portonservice") + ".ports.service.DefaultSettings");
    }

    @Test
    void adaptersAreIndependentFailsOnAnAdapterCallingAnotherAdapter() {
        Verdict.onlyBroken("adapteronadapter", Csi4jArchitecture::adaptersAreIndependent, LocalUsingOs.class,
                Fixtures.base("adapteronadapter") + ".adapters.os.OsMounter");
    }

    @Test
    void hostExecIsALibraryForAdaptersFailsOnAToolRunnerThatImplementsAPort() {
        Verdict.onlyBroken("hostexeconport", Csi4jArchitecture::hostExecIsALibraryForAdapters, ToolRunner.class,
                Fixtures.base("hostexeconport") + ".ports.out.Mounter");
    }

    @Test
    void adaptersDoNotDependOnBootstrapFailsOnAnAdapterReadingBootstrapSettings() {
        Verdict.onlyBroken("adapteronbootstrap", Csi4jArchitecture::adaptersDoNotDependOnBootstrap,
                LocalUsingBootstrap.class, Fixtures.base("adapteronbootstrap") + ".bootstrap.Settings");
    }

    @Test
    void topLevelPartsAreFreeOfCyclesFailsOnBootstrapAndMetricsUsingEachOther() {
        Verdict.onlyBroken("cycle", Csi4jArchitecture::topLevelPartsAreFreeOfCycles, Metrics.class,
                Fixtures.base("cycle") + ".bootstrap.Wiring");
    }
}
