package io.csi4j.architecture;

import static com.tngtech.archunit.core.domain.JavaMember.Predicates.declaredIn;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Set;

/**
 * General coding rules (ArchUnit's {@link GeneralCodingRules} plus logger fields), each checked on one scope
 * of classes: a whole csi4j code base without its generated protobuf classes, or one adapter.
 */
public final class CodingRules {

    private static final Set<String> LOGGER_TYPES = Set.of("org.slf4j.Logger", "java.lang.System$Logger");

    private final DescribedPredicate<JavaClass> scope;

    CodingRules(DescribedPredicate<JavaClass> scope) {
        this.scope = scope;
    }

    /** No {@code System.out}, {@code System.err} or {@code printStackTrace()}. */
    public ArchRule noStandardStreams() {
        return noClasses().that(scope).should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("a driver logs through slf4j with key-values; the standard streams bypass levels,"
                        + " format and redaction, and kubelet's log collection sees them unstructured")
                .allowEmptyShould(true);
    }

    /** No {@code throw new Exception/RuntimeException/Throwable}. */
    public ArchRule noGenericExceptions() {
        return noClasses().that(scope).should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
                .because("expected outcomes are Failure values; what is still thrown must say what went wrong"
                        + " by its type")
                .allowEmptyShould(true);
    }

    /**
     * No dependency on {@code java.util.logging} at all: ArchUnit's own rule only sees JUL loggers stored in
     * fields, not {@code Logger.getLogger(...)} called in place.
     */
    public ArchRule noJavaUtilLogging() {
        return noClasses().that(scope).should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("all logging goes through slf4j so that one configuration governs it")
                .allowEmptyShould(true);
    }

    /** Fields annotated {@code @Inject} (javax, jakarta, Guice) or {@code @Autowired}. */
    public ArchRule noFieldInjection() {
        return noFields().that(declaredIn(scope).as("are declared in classes that %s", scope.getDescription()))
                .should(GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
                .because("dependencies come through the constructor, so a class is complete once built"
                        + " and tests can build it without a container")
                .allowEmptyShould(true);
    }

    /** Fields of type slf4j {@code Logger} or {@code System.Logger} are private, static and final. */
    public ArchRule loggersArePrivateStaticFinal() {
        return fields().that(loggersIn(scope))
                .should().bePrivate().andShould().beStatic().andShould().beFinal()
                .because("a logger belongs to its class: one per class, named after it, not shared or replaced")
                .allowEmptyShould(true);
    }

    /** No dependency on {@code org.joda.time}. */
    public ArchRule noJodaTime() {
        return noClasses().that(scope).should(GeneralCodingRules.USE_JODATIME)
                .because("java.time is the date and time API")
                .allowEmptyShould(true);
    }

    /** Every rule above. */
    public List<ArchRule> all() {
        return List.of(noStandardStreams(), noGenericExceptions(), noJavaUtilLogging(), noFieldInjection(),
                loggersArePrivateStaticFinal(), noJodaTime());
    }

    private static DescribedPredicate<JavaField> loggersIn(DescribedPredicate<JavaClass> scope) {
        return DescribedPredicate.describe(
                "are loggers (slf4j or System.Logger) declared in classes that " + scope.getDescription(),
                field -> LOGGER_TYPES.contains(field.getRawType().getName()) && scope.test(field.getOwner()));
    }
}
