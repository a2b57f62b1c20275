package io.csi4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules that confine a technology to the outer parts that need it: gRPC and protobuf to the gRPC adapter,
 * Dagger to bootstrap and adapters' modules, metrics registries (Prometheus) to bootstrap. The core is left out: its
 * allow-list already forbids all of them.
 */
final class TechnologyRules {

    private final Layout layout;

    TechnologyRules(Layout layout) {
        this.layout = layout;
    }

    ArchRule grpcAndProtobufOnlyInGrpcAdapter() {
        return noClasses()
                .that(resideInAPackage(layout.everything())
                        .and(resideOutsideOfPackages(layout.grpcAdapter(), layout.bootstrap(), layout.csiMessages(),
                                layout.domain(), layout.ports()))
                        .as("reside in %s outside the gRPC adapter, bootstrap, the generated CSI messages, domain and"
                                + " ports", layout.everything()))
                .should().dependOnClassesThat().resideInAnyPackage(
                        Technologies.grpcAndProtobufAnd(layout.csiMessages()))
                .because("the gRPC adapter is the single place where CSI messages are mapped to and from the domain"
                        + " and where failures become status codes; storage and host adapters speak ports and domain")
                .allowEmptyShould(true);
    }

    ArchRule daggerOnlyInBootstrapAndAdapterModules() {
        return noClasses()
                .that(resideInAPackage(layout.everything())
                        .and(resideOutsideOfPackages(layout.bootstrap(), layout.domain(), layout.ports()))
                        .and(not(resideInAPackage(layout.adapters()).and(Technologies.daggerModules())))
                        .as("reside in %s outside bootstrap, domain and ports, except %s in %s", layout.everything(),
                                Technologies.daggerModules().getDescription(), layout.adapters()))
                .should().dependOnClassesThat().resideInAnyPackage(Technologies.dependencyInjection())
                .because("wiring happens in bootstrap (or in an adapter's own @Module), with constructor injection:"
                        + " the classes that do the work stay plain Java that tests build by hand")
                .allowEmptyShould(true);
    }

    ArchRule metricsRegistriesOnlyInBootstrap() {
        return noClasses()
                .that(resideInAPackage(layout.everything())
                        .and(resideOutsideOfPackages(layout.bootstrap(), layout.domain(), layout.ports()))
                        .as("reside in %s outside bootstrap, domain and ports", layout.everything()))
                .should().dependOnClassesThat().resideInAnyPackage(Technologies.metricsRegistries())
                .because("adapters record through the metrics recorders (or Micrometer's facade); which registry"
                        + " exposes the meters, and whether one is loaded at all, is bootstrap's decision")
                .allowEmptyShould(true);
    }
}
