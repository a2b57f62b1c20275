package io.csi4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;

/** What a set of rules reports on some classes, with the assertions the rule tests share. */
final class Verdict {

    private Verdict() {}

    /** The descriptions of the rules among {@code rules} that report a violation. */
    static List<String> brokenRules(List<ArchRule> rules, JavaClasses classes) {
        return rules.stream()
                .filter(rule -> rule.evaluate(classes).hasViolation())
                .map(ArchRule::getDescription)
                .toList();
    }

    /**
     * Asserts that one rule of the csi4j architecture, laid over {@code fixture} as its base package, fails on
     * that fixture's classes and is the only rule that does.
     */
    static void onlyBroken(String fixture, Function<Csi4jArchitecture, ArchRule> rule, Class<?> offender,
            String target) {
        Csi4jArchitecture architecture = Csi4jArchitecture.of(Fixtures.base(fixture));
        onlyBroken(rule.apply(architecture), architecture.all(), Fixtures.classesOf(fixture), offender, target);
    }

    /**
     * Asserts that {@code rule} fails on {@code classes} naming {@code offender} and {@code target}, and that it
     * is the only rule of {@code allRules} that fails, so the fixture proves this rule and no other.
     */
    static void onlyBroken(ArchRule rule, List<ArchRule> allRules, JavaClasses classes, Class<?> offender,
            String target) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as("%s reports a violation", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(detail -> assertThat(detail).contains(offender.getName()).contains(target));
        assertThat(brokenRules(allRules, classes)).containsExactly(rule.getDescription());
    }
}
