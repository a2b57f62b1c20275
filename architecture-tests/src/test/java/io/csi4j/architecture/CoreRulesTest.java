package io.csi4j.architecture;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.csi4j.fixture.domainfiles.domain.FilesInDomain;
import io.csi4j.fixture.domaingrpc.domain.GrpcStatusInDomain;
import io.csi4j.fixture.domainhostexec.domain.SelfFormattingVolume;
import io.csi4j.fixture.domainhttp.domain.HttpInDomain;
import io.csi4j.fixture.domaininject.domain.InjectedDomainPolicy;
import io.csi4j.fixture.domainjson.domain.JsonInDomain;
import io.csi4j.fixture.domainports.domain.DomainUsingPort;
import io.csi4j.fixture.domainprocess.domain.ProcessInDomain;
import io.csi4j.fixture.inonout.ports.in.UseCaseUsingOutPort;
import io.csi4j.fixture.outonin.ports.out.BackendUsingUseCase;
import io.csi4j.fixture.portsadapter.ports.service.ServiceUsingAdapter;
import io.csi4j.fixture.portsbootstrap.ports.in.UseCaseUsingBootstrap;
import io.csi4j.fixture.portsdagger.ports.service.InjectedService;
import io.csi4j.fixture.portsfile.ports.out.FilePort;
import io.csi4j.fixture.portshostexec.ports.service.ShellService;
import io.csi4j.fixture.portsprocess.ports.service.ProcessService;
import io.csi4j.fixture.portsprotobuf.ports.out.ProtobufPort;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoreRulesTest {

    @ParameterizedTest(name = "a domain class that uses {0}")
    @MethodSource
    void domainIsPureFailsOn(String what, String fixture, Class<?> offender, String target) {
        Verdict.onlyBroken(fixture, Csi4jArchitecture::domainIsPure, offender, target);
    }

    static Stream<Arguments> domainIsPureFailsOn() {
        return Stream.of(
                arguments("gRPC", "domaingrpc", GrpcStatusInDomain.class, "io.grpc.Status"),
                arguments("java.nio.file.Files", "domainfiles", FilesInDomain.class, "java.nio.file.Files"),
                arguments("a host process", "domainprocess", ProcessInDomain.class, "java.lang.ProcessBuilder"),
                arguments("JSON", "domainjson", JsonInDomain.class, "com.fasterxml.jackson.databind.ObjectMapper"),
                arguments("@Inject", "domaininject", InjectedDomainPolicy.class, "javax.inject.Inject"),
                arguments("HTTP", "domainhttp", HttpInDomain.class, "java.net.http.HttpRequest"),
                arguments("the adapters' host-exec library", "domainhostexec", SelfFormattingVolume.class,
                        Fixtures.base("domainhostexec") + ".hostexec.Shell"),
                arguments("an in-port", "domainports", DomainUsingPort.class,
                        Fixtures.base("domainports") + ".ports.in.CountUseCase"));
    }

    @ParameterizedTest(name = "a port that uses {0}")
    @MethodSource
    void portsArePureFailsOn(String what, String fixture, Class<?> offender, String target) {
        Verdict.onlyBroken(fixture, Csi4jArchitecture::portsArePure, offender, target);
    }

    static Stream<Arguments> portsArePureFailsOn() {
        return Stream.of(
                arguments("protobuf", "portsprotobuf", ProtobufPort.class, "com.google.protobuf.ByteString"),
                arguments("java.io.File", "portsfile", FilePort.class, "java.io.File"),
                arguments("a host process", "portsprocess", ProcessService.class, "java.lang.ProcessBuilder"),
                arguments("the adapters' host-exec library", "portshostexec", ShellService.class,
                        Fixtures.base("portshostexec") + ".hostexec.Shell"),
                arguments("an adapter", "portsadapter", ServiceUsingAdapter.class,
                        Fixtures.base("portsadapter") + ".adapters.local.LocalBackend"),
                arguments("bootstrap", "portsbootstrap", UseCaseUsingBootstrap.class,
                        Fixtures.base("portsbootstrap") + ".bootstrap.Settings"),
                arguments("@Inject", "portsdagger", InjectedService.class, "jakarta.inject.Inject"));
    }

    @Test
    void inPortsDoNotDependOnOutPortsFailsOnAnInPortThatExposesAnOutPort() {
        Verdict.onlyBroken("inonout", Csi4jArchitecture::inPortsDoNotDependOnOutPorts, UseCaseUsingOutPort.class,
                Fixtures.base("inonout") + ".ports.out.Backend");
    }

    @Test
    void outPortsDoNotDependOnInPortsFailsOnAnOutPortThatCallsAUseCase() {
        Verdict.onlyBroken("outonin", Csi4jArchitecture::outPortsDoNotDependOnInPorts, BackendUsingUseCase.class,
                Fixtures.base("outonin") + ".ports.in.DeleteUseCase");
    }
}
