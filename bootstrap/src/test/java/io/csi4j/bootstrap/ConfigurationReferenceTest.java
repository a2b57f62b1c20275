package io.csi4j.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.bootstrap.config.CliOverrides;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.LogFormat;
import io.csi4j.bootstrap.config.MetricsAddress;
import io.csi4j.bootstrap.config.Mode;
import io.csi4j.bootstrap.config.Setting;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.bootstrap.config.SettingsLoader;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md and the code agree: the generated tables equal what the code declares (run with
 * {@code -Dcsi4j.updateDocs=true} to rewrite them), every flag is a documented setting, and every documented flag,
 * environment variable and file key really changes what the driver runs with.
 */
class ConfigurationReferenceTest {

    private static final Path DOC = Path.of(System.getProperty("csi4j.repository", ".."), "docs", "configuration.md");
    private static final String ENDPOINT = "unix:///run/csi4j/csi.sock";

    @TempDir
    Path dir;

    /** A value for each setting and where it shows in the loaded settings; a new setting needs a row here. */
    private record Probe(String value, Function<Settings, Object> read, Object expected) {}

    private Map<Setting, Probe> probes() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "{}\n");
        return Map.ofEntries(
                Map.entry(Setting.NODE_IP, new Probe("10.1.2.3", s -> s.nodeIp().orElse(null), "10.1.2.3")),
                Map.entry(Setting.NFS_VERSIONS, new Probe("4.1,3", Settings::nfsVersions, List.of("4.1", "3"))),
                Map.entry(Setting.CONFIG, new Probe(config.toString(), s -> s.configFile().orElse(null), config)),
                Map.entry(Setting.ENDPOINT, new Probe("tcp://127.0.0.1:10000", Settings::endpoint,
                        "tcp://127.0.0.1:10000")),
                Map.entry(Setting.NODE_ID, new Probe("node-7", Settings::nodeId, "node-7")),
                Map.entry(Setting.DRIVER_NAME, new Probe("x.example.com", Settings::driverName, "x.example.com")),
                Map.entry(Setting.MODE, new Probe("node", Settings::mode, Mode.NODE)),
                Map.entry(Setting.LOG_FORMAT, new Probe("json", Settings::logFormat, LogFormat.JSON)),
                Map.entry(Setting.METRICS_ADDRESS, new Probe(":9999", s -> s.metricsAddress().orElse(null),
                        new MetricsAddress("", 9999))),
                Map.entry(Setting.LOCAL_ROOT, new Probe("/srv/volumes", s -> localRoot(s), "/srv/volumes")),
                Map.entry(Setting.DEFAULT_BACKEND, new Probe("b",
                        s -> s.defaultBackend().map(Object::toString).orElse(null), "b")),
                Map.entry(Setting.KUBELET_DIR, new Probe("/k", s -> s.kubeletDir().toString(), "/k")));
    }

    @Test
    void theGeneratedTablesMatchTheCode() throws IOException {
        String doc = Files.readString(DOC);
        String current = ConfigurationReference.regenerate(doc);
        if (Boolean.getBoolean("csi4j.updateDocs") && !current.equals(doc)) {
            Files.writeString(DOC, current);
            doc = current;
        }
        assertThat(doc).as("%s is out of date: run `mvn -pl bootstrap -am verify -Dcsi4j.updateDocs=true`", DOC)
                .isEqualTo(current);
    }

    @Test
    void everyFlagIsADocumentedSettingAndNamesItsEnvironmentVariable() {
        List<OptionSpec> options = new CommandLine(new Main()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp()).toList();
        Set<String> flags = options.stream().map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = java.util.Arrays.stream(Setting.values()).flatMap(s -> s.flag().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(flags).isEqualTo(documented);
        for (OptionSpec o : options) {
            Setting s = java.util.Arrays.stream(Setting.values())
                    .filter(x -> x.flag().equals(Optional.of(o.longestName()))).findFirst().orElseThrow();
            assertThat(String.join(" ", o.description())).as("--help of %s", o.longestName())
                    .contains("env " + s.env().orElseThrow());
        }
    }

    @Test
    void everyFlagChangesTheSettingItDocuments() throws IOException {
        for (var e : probes().entrySet()) {
            if (e.getKey().flag().isEmpty()) {
                continue;
            }
            Main main = new Main();
            new CommandLine(main).parseArgs(e.getKey().flag().get(), e.getValue().value());
            Settings s = load(main.overrides(), Map.of("CSI_ENDPOINT", ENDPOINT), "{}");
            assertThat(e.getValue().read().apply(s)).as("flag %s", e.getKey().flag().get())
                    .isEqualTo(e.getValue().expected());
        }
    }

    @Test
    void everyEnvironmentVariableChangesTheSettingItDocuments() throws IOException {
        Map<Setting, Probe> probes = probes();
        for (Setting setting : Setting.values()) {
            if (setting.env().isEmpty()) {
                continue;
            }
            if (setting == Setting.LOG_LEVEL) {
                // Read by the logging configuration itself, not by SettingsLoader.
                for (String xml : List.of("logback-text.xml", "logback-json.xml")) {
                    assertThat(resource(xml)).contains("${" + setting.env().get() + ":-" + setting.defaultValue() + "}");
                }
                continue;
            }
            Probe probe = probes.get(setting);
            assertThat(probe).as("a probe for %s", setting).isNotNull();
            Map<String, String> env = new HashMap<>(Map.of("CSI_ENDPOINT", ENDPOINT));
            env.put(setting.env().get(), probe.value());
            Settings s = load(CliOverrides.none(), env, "{}");
            assertThat(probe.read().apply(s)).as("environment %s", setting.env().get()).isEqualTo(probe.expected());
        }
    }

    @Test
    void everyFileKeyChangesTheSettingItDocuments() throws IOException {
        Map<Setting, Probe> probes = probes();
        for (Setting setting : Setting.values()) {
            if (setting.key().isEmpty() || setting == Setting.BACKENDS) {
                continue;
            }
            Probe probe = probes.get(setting);
            assertThat(probe).as("a probe for %s", setting).isNotNull();
            String yaml = setting.key().get() + ": \"" + probe.value() + "\"\nbackends:\n  b:\n    type: local\n";
            // The file's endpoint counts only where no environment variable overrides it.
            Map<String, String> env = setting == Setting.ENDPOINT ? Map.of() : Map.of("CSI_ENDPOINT", ENDPOINT);
            Settings s = load(new CliOverrides(Optional.of(dir.resolve("c.yaml")), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), env, yaml);
            assertThat(probe.read().apply(s)).as("file key %s", setting.key().get()).isEqualTo(probe.expected());
        }
    }

    private static Settings load(CliOverrides cli, Map<String, String> env, String yaml) {
        Either<io.csi4j.bootstrap.config.ConfigError, Settings> s = new SettingsLoader(Set.of("local"),
                p -> Either.right(yaml), "host-1").load(cli, env);
        return s.getOrElseThrow(e -> new AssertionError(e.message()));
    }

    private static String localRoot(Settings s) {
        ConfigTree options = s.backends().getFirst().options();
        return options.string("root").get().orElse(null);
    }

    private static String resource(String name) throws IOException {
        try (var in = ConfigurationReferenceTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
