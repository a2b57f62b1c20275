package io.csi4j.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** metricsAddress: off unless set, by flag, environment or file, in the usual order; a bad value stops the start. */
class MetricsSettingsTest {

    private static final Map<String, String> ENDPOINT = Map.of("CSI_ENDPOINT", "unix:///tmp/csi.sock");

    private static Either<ConfigError, Settings> load(String yaml, Optional<String> flag, Map<String, String> env) {
        var loader = new SettingsLoader(Set.of("local"), p -> Either.right(yaml), "host-1");
        var cli = new CliOverrides(Optional.of(Path.of("/etc/csi4j.yaml")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), flag);
        Map<String, String> all = new HashMap<>(ENDPOINT);
        all.putAll(env);
        return loader.load(cli, all);
    }

    @Test
    void metricsAreOffUnlessAnAddressIsGiven() {
        assertThat(load("{}", Optional.empty(), Map.of()).get().metricsAddress()).isEmpty();
    }

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheFile() {
        String yaml = "metricsAddress: 127.0.0.1:9000\n";
        assertThat(load(yaml, Optional.empty(), Map.of()).get().metricsAddress())
                .contains(new MetricsAddress("127.0.0.1", 9000));
        assertThat(load(yaml, Optional.empty(), Map.of("CSI4J_METRICS_ADDRESS", ":9001")).get().metricsAddress())
                .contains(new MetricsAddress("", 9001));
        assertThat(load(yaml, Optional.of("[::1]:9002"), Map.of("CSI4J_METRICS_ADDRESS", ":9001")).get()
                .metricsAddress()).contains(new MetricsAddress("::1", 9002));
    }

    @Test
    void aBadAddressNamesWhereItCameFrom() {
        ConfigError e = load("{}", Optional.empty(), Map.of("CSI4J_METRICS_ADDRESS", "9809")).getLeft();
        assertThat(e.source()).isEqualTo("(environment)");
        assertThat(e.key()).isEqualTo("CSI4J_METRICS_ADDRESS");
        assertThat(e.reason()).contains("'9809'", "host:port");
    }

    @Test
    void addressesParseInTheirUsualForms() {
        assertThat(MetricsAddress.parse(":9809")).contains(new MetricsAddress("", 9809));
        assertThat(MetricsAddress.parse("0.0.0.0:9809")).contains(new MetricsAddress("0.0.0.0", 9809));
        assertThat(MetricsAddress.parse("metrics.local:0")).contains(new MetricsAddress("metrics.local", 0));
        assertThat(MetricsAddress.parse("[fd00::1]:9809")).hasValueSatisfying(a -> {
            assertThat(a.host()).isEqualTo("fd00::1");
            assertThat(a).hasToString("[fd00::1]:9809");
        });
        assertThat(MetricsAddress.parse("9809")).isEmpty();
        assertThat(MetricsAddress.parse(":65536")).isEmpty();
        assertThat(MetricsAddress.parse("host:port")).isEmpty();
        assertThat(MetricsAddress.parse("a b:1")).isEmpty();
    }
}
