package io.csi4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules one adapter must follow, for an adapter module built outside csi4j (or one of csi4j's own): it
 * uses ports and domain, never another adapter, the use-case implementations or bootstrap; Dagger only in its
 * {@code @Module}s; and the general coding rules. The dependency rules fail when the adapter package holds
 * no classes (unless ArchUnit's {@code archRule.failOnEmptyShould} is off), so a misspelt package shows.
 */
public final class AdapterArchitecture {

    private final Layout csi4j;
    private final String adapter;
    private final CodingRules coding;

    AdapterArchitecture(Layout csi4j, String adapterPackage) {
        this.csi4j = csi4j;
        this.adapter = requireAdapterPackage(csi4j, adapterPackage) + "..";
        this.coding = new CodingRules(resideInAPackage(adapter));
    }

    /**
     * No dependency on another adapter's classes, nor on the CSI messages generated inside the gRPC adapter
     * module; the adapter's own packages are free to use each other.
     */
    public ArchRule doesNotDependOnOtherAdapters() {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat(resideInAnyPackage(csi4j.adapters(), csi4j.csiMessages())
                        .and(not(resideInAPackage(adapter)))
                        .as("reside in another adapter (%s) or in the generated CSI messages (%s)", csi4j.adapters(),
                                csi4j.csiMessages()))
                .because("no adapter depends on another adapter: adapters meet only in bootstrap");
    }

    public ArchRule doesNotDependOnUseCaseImplementations() {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAPackage(csi4j.services())
                .because("adapters talk to in-ports and implement out-ports; ports.service is wired by bootstrap");
    }

    public ArchRule doesNotDependOnBootstrap() {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAPackage(csi4j.bootstrap())
                .because("bootstrap wires adapters, not the other way round");
    }

    /** Dagger and {@code @Inject} only in the adapter's {@code @Module} classes (and Dagger's code for them). */
    public ArchRule usesDaggerOnlyInModules() {
        return noClasses()
                .that(resideInAPackage(adapter).and(not(Technologies.daggerModules()))
                        .as("reside in %s, except %s", adapter, Technologies.daggerModules().getDescription()))
                .should().dependOnClassesThat().resideInAnyPackage(Technologies.dependencyInjection())
                .because("the classes that do the work stay plain Java with constructor injection;"
                        + " an adapter's @Module tells bootstrap how to build them");
    }

    /** The general coding rules for the adapter's classes. */
    public CodingRules codingRules() {
        return coding;
    }

    /** Every rule, in the order above. */
    public List<ArchRule> all() {
        return Stream.concat(
                        Stream.of(doesNotDependOnOtherAdapters(), doesNotDependOnUseCaseImplementations(),
                                doesNotDependOnBootstrap(), usesDaggerOnlyInModules()),
                        coding.all().stream())
                .toList();
    }

    /** An adapter lives in a package of its own: outside csi4j altogether, or under {@code adapters.<name>}. */
    private static String requireAdapterPackage(Layout csi4j, String name) {
        Layout.requirePackageName("adapterPackage", name);
        if (csi4j.overlaps(name) && !csi4j.isInsideAnAdapter(name)) {
            throw new IllegalArgumentException("'adapterPackage' must be outside " + csi4j.base()
                    + " or inside " + csi4j.base() + ".adapters.<name>: " + name);
        }
        return name;
    }
}
