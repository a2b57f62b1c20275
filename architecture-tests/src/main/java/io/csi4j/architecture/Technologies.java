package io.csi4j.architecture;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import java.util.List;
import java.util.stream.Stream;

/** Package patterns of the libraries and frameworks that the rules allow or confine. */
final class Technologies {

    /** What the core may use besides itself: the JDK (minus host access), vavr, Immutables, JSpecify. */
    private static final List<String> CORE_LIBRARIES =
            List.of("java..", "io.vavr..", "org.immutables..", "org.jspecify..");

    private static final List<String> GRPC_AND_PROTOBUF = List.of("io.grpc..", "com.google.protobuf..");

    private static final List<String> DEPENDENCY_INJECTION = List.of("dagger..", "javax.inject..", "jakarta.inject..");

    /** A metrics registry, exposition format or client: a deployment choice, not something an adapter records into. */
    private static final List<String> METRICS_REGISTRIES = List.of("io.prometheus..", "io.micrometer.prometheusmetrics..",
            "io.micrometer.prometheus..");

    /** The logging facade that the use-case boundary in ports.service may use. */
    static final String LOGGING = "org.slf4j..";

    private Technologies() {}

    /** The core libraries followed by {@code more} package patterns. */
    static String[] coreLibrariesAnd(String... more) {
        return Stream.concat(CORE_LIBRARIES.stream(), Stream.of(more)).toArray(String[]::new);
    }

    /** gRPC, protobuf and {@code more} package patterns. */
    static String[] grpcAndProtobufAnd(String... more) {
        return Stream.concat(GRPC_AND_PROTOBUF.stream(), Stream.of(more)).toArray(String[]::new);
    }

    static String[] dependencyInjection() {
        return DEPENDENCY_INJECTION.toArray(String[]::new);
    }

    static String[] metricsRegistries() {
        return METRICS_REGISTRIES.toArray(String[]::new);
    }

    /**
     * Classes that Dagger owns: hand-written {@code @Module}s and the factories Dagger generates for them,
     * which land in the module's package whichever Maven module runs the annotation processor.
     */
    static DescribedPredicate<CanBeAnnotated> daggerModules() {
        return annotatedWith("dagger.Module")
                .or(annotatedWith("dagger.internal.DaggerGenerated"))
                .as("Dagger @Module classes or code Dagger generated for them");
    }
}
