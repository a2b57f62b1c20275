package io.csi4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.csi4j.fixture.clean.csi.v1.WidgetMessage;
import org.junit.jupiter.api.Test;

/** The rules let well-built code through: a miniature hexagon that uses everything each part may use. */
class CleanHexagonTest {

    private static final String CLEAN = "clean";

    @Test
    void everyRulePassesOnAHexagonThatKeepsItsArrows() {
        Csi4jArchitecture architecture = Csi4jArchitecture.of(Fixtures.base(CLEAN));

        assertThat(Verdict.brokenRules(architecture.all(), Fixtures.classesOf(CLEAN))).isEmpty();
    }

    @Test
    void generatedProtobufCodeIsExemptFromTheCodingRulesOnlyUnderCsi() {
        // Laid over clean.csi as its own base, the fake generated message is ordinary code, and its generic
        // exception is reported: so it is the exemption that lets the clean hexagon pass, not a blind rule.
        Csi4jArchitecture architecture = Csi4jArchitecture.of(Fixtures.base(CLEAN) + ".csi");

        assertThat(architecture.codingRules().noGenericExceptions().evaluate(Fixtures.classesOf(CLEAN))
                        .getFailureReport().getDetails())
                .singleElement().asString().contains(WidgetMessage.class.getName());
    }

    @Test
    void everyRulePassesOnACodeBaseWithNothingToCheckYet() {
        JavaClasses none = new ClassFileImporter().importPackages(Fixtures.base("nothing.here"));

        assertThat(Verdict.brokenRules(Csi4jArchitecture.of(Fixtures.base("nothing.here")).all(), none)).isEmpty();
    }
}
