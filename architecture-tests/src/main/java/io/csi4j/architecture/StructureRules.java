package io.csi4j.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules for the ring around the core: who may reach the use-case implementations, adapters that never meet,
 * and no cycles between the top-level parts.
 */
final class StructureRules {

    private final Layout layout;

    StructureRules(Layout layout) {
        this.layout = layout;
    }

    /** The domain is left out: its own rule already forbids it every dependency on ports. */
    ArchRule servicesAreUsedOnlyByBootstrap() {
        return noClasses()
                .that(resideInAPackage(layout.everything())
                        .and(resideOutsideOfPackages(layout.services(), layout.bootstrap(), layout.domain()))
                        .as("reside in %s outside ports.service, bootstrap and domain", layout.everything()))
                .should().dependOnClassesThat().resideInAPackage(layout.services())
                .because("adapters talk to in-ports, never to their implementations;"
                        + " only bootstrap builds the use cases and hands them out as in-ports")
                .allowEmptyShould(true);
    }

    ArchRule adaptersAreIndependent() {
        return slices().matching(layout.eachAdapter())
                .should().notDependOnEachOther()
                .because("no adapter depends on another adapter: adapters meet only in bootstrap,"
                        + " so each can be replaced, tested and shipped alone")
                .allowEmptyShould(true);
    }

    /**
     * The shared host-exec library sits below the adapters that use it: it may touch the host, but knows only the
     * domain's failures and the metrics recorders, never ports, adapters or bootstrap. (Domain and ports may not use it: their allow-lists
     * leave it out, so those rules report such a use.)
     */
    ArchRule hostExecIsALibraryForAdapters() {
        return classes().that().resideInAPackage(layout.hostExec())
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        Technologies.coreLibrariesAnd(Technologies.LOGGING, layout.domain(), layout.metrics(),
                                layout.hostExec()))
                .because("running host tools is shared by the host adapters without joining them: the library"
                        + " depends on nothing of the hexagon but the domain's failures and the metrics recorders,"
                        + " so no adapter reaches another through it")
                .allowEmptyShould(true);
    }

    ArchRule adaptersDoNotDependOnBootstrap() {
        return noClasses().that().resideInAPackage(layout.adapters())
                .should().dependOnClassesThat().resideInAPackage(layout.bootstrap())
                .because("bootstrap wires adapters, not the other way round;"
                        + " an adapter gets what it needs through its constructor")
                .allowEmptyShould(true);
    }

    ArchRule topLevelPartsAreFreeOfCycles() {
        return slices().assignedFrom(new TopLevelSlices(layout))
                .should().beFreeOfCycles()
                .because("dependencies between the parts of the hexagon point one way,"
                        + " so each part can be understood, built and tested without the ones that use it")
                .allowEmptyShould(true);
    }
}
