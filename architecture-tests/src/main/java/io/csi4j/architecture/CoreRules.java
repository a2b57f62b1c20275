package io.csi4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * Rules for the core: domain and ports depend only on an allow-list (so gRPC, protobuf, HTTP, JSON, Dagger,
 * and every other library are out without naming them), never on JDK host access, and in-ports and out-ports
 * stay apart. The core rules alone judge the core; the other rules judge only the ring around it.
 */
final class CoreRules {

    private final Layout layout;

    CoreRules(Layout layout) {
        this.layout = layout;
    }

    ArchRule domainIsPure() {
        return classes().that().resideInAPackage(layout.domain())
                .should().onlyDependOnClassesThat(allowed(Technologies.coreLibrariesAnd(layout.domain())))
                .because("the domain is values and pure rules: it knows nothing of ports, adapters, gRPC, protobuf,"
                        + " HTTP, JSON, dependency injection or the host OS, so it can be tested without any of them")
                .allowEmptyShould(true);
    }

    ArchRule portsArePure() {
        return classes().that().resideInAPackage(layout.ports())
                .should().onlyDependOnClassesThat(
                        allowed(Technologies.coreLibrariesAnd(Technologies.LOGGING, layout.domain(), layout.ports())))
                .because("ports and use cases speak only the domain's language: protobuf types never cross into"
                        + " ports, the host is reached through out-ports (a Path is a value, Files is not), and"
                        + " adapters and bootstrap plug in from outside")
                .allowEmptyShould(true);
    }

    ArchRule inPortsDoNotDependOnOutPorts() {
        return noClasses().that().resideInAPackage(layout.inPorts())
                .should().dependOnClassesThat().resideInAPackage(layout.outPorts())
                .because("what callers may ask for must not leak how backends are driven;"
                        + " only ports.service joins in-ports to out-ports")
                .allowEmptyShould(true);
    }

    ArchRule outPortsDoNotDependOnInPorts() {
        return noClasses().that().resideInAPackage(layout.outPorts())
                .should().dependOnClassesThat().resideInAPackage(layout.inPorts())
                .because("an SPI a backend implements must not depend on the use cases that call it;"
                        + " only ports.service joins in-ports to out-ports")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> allowed(String... packages) {
        DescribedPredicate<JavaClass> hostAccess = HostAccess.jdkHostAccess();
        return resideInAnyPackage(packages).and(not(hostAccess))
                .as("reside in any package %s, except %s", Arrays.toString(packages), hostAccess.getDescription());
    }
}
