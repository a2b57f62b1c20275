package io.csi4j.architecture;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.csi4j.fixture.csiinadapter.adapters.local.CsiMessageInLocal;
import io.csi4j.fixture.daggerinadapter.adapters.local.InjectedBackend;
import io.csi4j.fixture.daggeroutside.metrics.MetricsModule;
import io.csi4j.fixture.grpcinadapter.adapters.local.GrpcInLocal;
import io.csi4j.fixture.prometheusinadapter.adapters.local.PrometheusInLocal;
import io.csi4j.fixture.protobufinadapter.adapters.local.ProtobufInLocal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TechnologyRulesTest {

    @ParameterizedTest(name = "a storage adapter that uses {0}")
    @MethodSource
    void grpcAndProtobufOnlyInGrpcAdapterFailsOn(String what, String fixture, Class<?> offender, String target) {
        Verdict.onlyBroken(fixture, Csi4jArchitecture::grpcAndProtobufOnlyInGrpcAdapter, offender, target);
    }

    static Stream<Arguments> grpcAndProtobufOnlyInGrpcAdapterFailsOn() {
        return Stream.of(
                arguments("gRPC", "grpcinadapter", GrpcInLocal.class, "io.grpc.Status"),
                arguments("protobuf", "protobufinadapter", ProtobufInLocal.class, "com.google.protobuf.ByteString"),
                arguments("generated CSI messages", "csiinadapter", CsiMessageInLocal.class,
                        Fixtures.base("csiinadapter") + ".csi.v1.FakeVolume"));
    }

    @Test
    void daggerOnlyInBootstrapAndAdapterModulesFailsOnAnInjectConstructorInAnAdapterClass() {
        Verdict.onlyBroken("daggerinadapter", Csi4jArchitecture::daggerOnlyInBootstrapAndAdapterModules,
                InjectedBackend.class, "javax.inject.Inject");
    }

    @Test
    void daggerOnlyInBootstrapAndAdapterModulesFailsOnAModuleOutsideAdaptersAndBootstrap() {
        Verdict.onlyBroken("daggeroutside", Csi4jArchitecture::daggerOnlyInBootstrapAndAdapterModules,
                MetricsModule.class, "dagger.Module");
    }

    @Test
    void metricsRegistriesOnlyInBootstrapFailsOnAnAdapterBuildingAPrometheusRegistry() {
        Verdict.onlyBroken("prometheusinadapter", Csi4jArchitecture::metricsRegistriesOnlyInBootstrap,
                PrometheusInLocal.class, "io.micrometer.prometheusmetrics.PrometheusMeterRegistry");
    }
}
