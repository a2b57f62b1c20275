package io.csi4j.architecture;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.lang.ArchRule;
import io.csi4j.fixture.fieldinjection.bootstrap.FieldInjected;
import io.csi4j.fixture.genericexception.adapters.local.Thrower;
import io.csi4j.fixture.instancelogger.adapters.local.InstanceLogger;
import io.csi4j.fixture.jodatime.adapters.local.JodaUser;
import io.csi4j.fixture.jul.adapters.local.JulUser;
import io.csi4j.fixture.stdout.adapters.local.Printer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodingRulesTest {

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource
    void codingRuleFails(String rule, String fixture, Function<CodingRules, ArchRule> select, Class<?> offender,
            String target) {
        Verdict.onlyBroken(fixture, architecture -> select.apply(architecture.codingRules()), offender, target);
    }

    static Stream<Arguments> codingRuleFails() {
        return Stream.of(
                arguments("noStandardStreams", "stdout", rule(CodingRules::noStandardStreams), Printer.class,
                        "java.lang.System.out"),
                arguments("noGenericExceptions", "genericexception", rule(CodingRules::noGenericExceptions),
                        Thrower.class, "java.lang.RuntimeException"),
                arguments("noJavaUtilLogging", "jul", rule(CodingRules::noJavaUtilLogging), JulUser.class,
                        "java.util.logging.Logger"),
                arguments("noFieldInjection", "fieldinjection", rule(CodingRules::noFieldInjection),
                        FieldInjected.class, "@Inject"),
                arguments("loggersArePrivateStaticFinal", "instancelogger",
                        rule(CodingRules::loggersArePrivateStaticFinal), InstanceLogger.class, "STATIC"),
                arguments("noJodaTime", "jodatime", rule(CodingRules::noJodaTime), JodaUser.class,
                        "org.joda.time.DateTime"));
    }

    /** Lets a method reference stand as a typed argument. */
    private static Function<CodingRules, ArchRule> rule(Function<CodingRules, ArchRule> select) {
        return select;
    }
}
