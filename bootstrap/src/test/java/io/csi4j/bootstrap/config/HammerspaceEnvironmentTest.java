package io.csi4j.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The original Hammerspace plugin's environment configures csi4j without a file. */
class HammerspaceEnvironmentTest {

    private static final Map<String, String> ORIGINAL = Map.of("CSI_ENDPOINT", "/csi/csi.sock", "CSI_NODE_NAME",
            "worker-3", "HS_ENDPOINT", "https://anvil.example.com:8443", "HS_USERNAME", "csi", "HS_PASSWORD", "s3cret");

    private static Either<ConfigError, Settings> load(Map<String, String> env) {
        return new SettingsLoader(Set.of("local", "hammerspace"), p -> Either.left("no file"), "host-1")
                .load(CliOverrides.none(), env);
    }

    private static Map<String, String> with(String... kv) {
        Map<String, String> m = new HashMap<>(ORIGINAL);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    @Test
    void theOriginalVariablesAloneMakeOneHammerspaceBackendUnderTheOriginalDriverName() {
        Settings s = load(ORIGINAL).get();

        assertThat(s.driverName()).isEqualTo("com.hammerspace.csi");
        assertThat(s.nodeId()).isEqualTo("worker-3");
        assertThat(s.endpoint()).isEqualTo("unix:///csi/csi.sock");
        assertThat(s.backends()).singleElement().satisfies(b -> {
            assertThat(b.name().value()).isEqualTo("hammerspace");
            assertThat(b.type()).isEqualTo("hammerspace");
            assertThat(b.options().string("endpoint").get()).contains("https://anvil.example.com:8443");
            assertThat(b.options().string("username").get()).contains("csi");
            assertThat(b.options().has("tlsVerify")).as("verified unless switched off").isFalse();
        });
    }

    @Test
    void tlsVerificationIsOffOnlyWhenSaidSoAndTheValueMustBeABoolean() {
        Settings off = load(with("HS_TLS_VERIFY", "false")).get();
        assertThat(off.backends().getFirst().options().bool("tlsVerify").get()).contains(false);
        assertThat(load(with("HS_TLS_VERIFY", "1")).get().backends().getFirst().options().bool("tlsVerify").get())
                .contains(true);

        ConfigError e = load(with("HS_TLS_VERIFY", "maybe")).getLeft();
        assertThat(e.key()).isEqualTo("HS_TLS_VERIFY");
        assertThat(e.reason()).contains("maybe");
    }

    @Test
    void badOrUnknownVariablesAreErrorsNamingTheVariable() {
        assertThat(load(with("HS_ENDPOINT", "http://anvil")).getLeft().key()).isEqualTo("HS_ENDPOINT");
        assertThat(load(with("HS_USERNAME", null)).getLeft().key()).isEqualTo("HS_USERNAME");
        assertThat(load(with("HS_PASSWORD", null)).getLeft().key()).isEqualTo("HS_PASSWORD");
        ConfigError unknown = load(with("HS_TLS_VERIFI", "true")).getLeft();
        assertThat(unknown.key()).isEqualTo("HS_TLS_VERIFI");
        assertThat(unknown.message()).doesNotContain("s3cret");
    }

    @Test
    void explicitSettingsWin() {
        Settings s = load(with("CSI4J_DRIVER_NAME", "hs.csi4j.io", "CSI_NODE_ID", "explicit-node")).get();
        assertThat(s.driverName()).isEqualTo("hs.csi4j.io");
        assertThat(s.nodeId()).isEqualTo("explicit-node");
    }

    @Test
    void aConfigurationThatNamesBackendsIsNotOverriddenByTheVariables() {
        String yaml = "backends:\n  mine:\n    type: local\n";
        Settings s = new SettingsLoader(Set.of("local", "hammerspace"),
                p -> Either.right(yaml), "host-1").load(CliOverrides.none(), with("CSI4J_CONFIG", "/etc/csi4j.yaml")).get();
        assertThat(s.backends()).singleElement().satisfies(b -> assertThat(b.type()).isEqualTo("local"));
        assertThat(s.driverName()).isEqualTo("csi4j.io");
    }
}
