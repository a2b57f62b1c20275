package io.csi4j.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** csi4j's own production classes, from every module, follow every rule. */
class Csi4jArchitectureTest {

    /** Classes generated from csi.proto are not ours to judge. */
    private static final ImportOption NOT_GENERATED = location -> !location.contains("/io/csi4j/csi/");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NOT_GENERATED)
                .importPackages(Csi4jArchitecture.CSI4J);
    }

    @Test
    void importsTheCoreButNeitherTestsNorGeneratedCode() {
        // Guards against rules passing because they had nothing to look at.
        assertThat(production.that(resideInAPackage("io.csi4j.domain.."))).isNotEmpty();
        assertThat(production.that(resideInAPackage("io.csi4j.ports.."))).isNotEmpty();
        assertThat(production.that(resideInAPackage("io.csi4j.hostexec.."))).isNotEmpty();
        assertThat(production.that(resideInAPackage("io.csi4j.csi.."))).isEmpty();
        assertThat(production.that(resideInAPackage(Fixtures.ROOT + ".."))).isEmpty();
        assertThat(production.contain(getClass())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void csi4jFollows(ArchRule rule) {
        rule.check(production);
    }

    static Stream<Named<ArchRule>> rules() {
        return Csi4jArchitecture.of(Csi4jArchitecture.CSI4J).all().stream()
                .map(rule -> Named.of(rule.getDescription(), rule));
    }
}
