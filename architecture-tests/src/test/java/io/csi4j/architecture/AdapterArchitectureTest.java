package io.csi4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.lang.ArchRule;
import io.csi4j.fixture.acme.injected.FooInjected;
import io.csi4j.fixture.acme.onadapter.FooBackend;
import io.csi4j.fixture.acme.onbootstrap.FooUsingBootstrap;
import io.csi4j.fixture.acme.oncsi.FooWire;
import io.csi4j.fixture.acme.onservice.FooUsingService;
import io.csi4j.fixture.acme.printing.FooPrinter;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a third-party adapter runs on itself, laid over a csi4j-like core under {@code fixture.acme.core}. */
class AdapterArchitectureTest {

    private static final String CORE = Fixtures.base("acme.core");

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource
    void adapterRuleFails(String rule, String adapter, Function<AdapterArchitecture, ArchRule> select,
            Class<?> offender, String target) {
        AdapterArchitecture architecture = acmeAdapter(adapter);

        Verdict.onlyBroken(select.apply(architecture), architecture.all(), Fixtures.classesOf("acme." + adapter),
                offender, target);
    }

    static Stream<Arguments> adapterRuleFails() {
        return Stream.of(
                arguments("doesNotDependOnOtherAdapters", "onadapter",
                        rule(AdapterArchitecture::doesNotDependOnOtherAdapters), FooBackend.class,
                        CORE + ".adapters.local.LocalBackend"),
                arguments("doesNotDependOnOtherAdapters", "oncsi",
                        rule(AdapterArchitecture::doesNotDependOnOtherAdapters), FooWire.class,
                        CORE + ".csi.v1.WireVolume"),
                arguments("doesNotDependOnUseCaseImplementations", "onservice",
                        rule(AdapterArchitecture::doesNotDependOnUseCaseImplementations), FooUsingService.class,
                        CORE + ".ports.service.Services"),
                arguments("doesNotDependOnBootstrap", "onbootstrap",
                        rule(AdapterArchitecture::doesNotDependOnBootstrap), FooUsingBootstrap.class,
                        CORE + ".bootstrap.Main"),
                arguments("usesDaggerOnlyInModules", "injected",
                        rule(AdapterArchitecture::usesDaggerOnlyInModules), FooInjected.class,
                        "jakarta.inject.Inject"),
                arguments("codingRules().noStandardStreams", "printing",
                        rule(adapter -> adapter.codingRules().noStandardStreams()), FooPrinter.class,
                        "java.lang.System.err"));
    }

    @Test
    void everyRulePassesOnAnAdapterThatUsesOnlyPortsDomainAndItsOwnPackages() {
        AdapterArchitecture architecture = acmeAdapter("clean");

        assertThat(Verdict.brokenRules(architecture.all(), Fixtures.classesOf("acme.clean"))).isEmpty();
    }

    @Test
    void everyRulePassesOnAnInTreeAdapterThatUsesItsOwnPackage() {
        AdapterArchitecture local =
                Csi4jArchitecture.of(Fixtures.base("clean")).adapter(Fixtures.base("clean.adapters.local"));

        assertThat(Verdict.brokenRules(local.all(), Fixtures.classesOf("clean"))).isEmpty();
    }

    @Test
    void forAdapterJudgesAgainstCsi4jItself() {
        AdapterArchitecture architecture = Csi4jArchitecture.forAdapter("com.acme.csi4j.adapters.foo");

        assertThat(architecture.doesNotDependOnBootstrap().getDescription())
                .contains("'com.acme.csi4j.adapters.foo..'")
                .contains("'io.csi4j.bootstrap..'");
    }

    @Test
    void aMisspeltAdapterPackageFailsInsteadOfPassingEmpty() {
        ArchRule rule = acmeAdapter("nosuchadapter").doesNotDependOnBootstrap();

        assertThatThrownBy(() -> rule.check(Fixtures.classesOf("acme")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.csi4j", "io", "io.csi4j.ports.out", "io.csi4j.bootstrap", "io.csi4j.adapters",
            "not a package", "com.acme.", ""})
    void forAdapterRejectsAPackageThatIsNotAnAdapterOfItsOwn(String adapterPackage) {
        assertThatIllegalArgumentException().isThrownBy(() -> Csi4jArchitecture.forAdapter(adapterPackage));
    }

    private static AdapterArchitecture acmeAdapter(String adapter) {
        return Csi4jArchitecture.of(CORE).adapter(Fixtures.base("acme." + adapter));
    }

    /** Lets a lambda or method reference stand as a typed argument. */
    private static Function<AdapterArchitecture, ArchRule> rule(Function<AdapterArchitecture, ArchRule> select) {
        return select;
    }
}
