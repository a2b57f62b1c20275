package io.csi4j.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    private static final Map<String, String> ENDPOINT = Map.of("CSI_ENDPOINT", "unix:///tmp/csi.sock");

    private SettingsLoader loaderWith(String yaml) {
        return new SettingsLoader(Set.of("local", "intelliflash-file"),
                p -> p.toString().equals("/etc/csi4j.yaml") ? Either.right(yaml) : Either.left("no such file"), "host-1");
    }

    private static CliOverrides file() {
        return new CliOverrides(Optional.of(Path.of("/etc/csi4j.yaml")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void withNothingButAnEndpointServesOneLocalBackend() {
        Settings s = loaderWith("").load(CliOverrides.none(), ENDPOINT).get();
        assertThat(s.driverName()).isEqualTo("csi4j.io");
        assertThat(s.nodeId()).isEqualTo("host-1");
        assertThat(s.mode()).isEqualTo(Mode.ALL);
        assertThat(s.endpoint()).isEqualTo("unix:///tmp/csi.sock");
        assertThat(s.backends()).singleElement().satisfies(b -> {
            assertThat(b.name().value()).isEqualTo("local");
            assertThat(b.type()).isEqualTo("local");
        });
        assertThat(s.kubeletDir()).isEqualTo(Path.of("/var/lib/kubelet"));
        assertThat(s.nfsVersions()).containsExactly("4.2", "4.1", "4.0", "3");
    }

    @Test
    void theNfsVersionOrderComesFromTheFileOrTheEnvironment() {
        assertThat(loaderWith("nfsVersions: 4.1, 3\n").load(file(), ENDPOINT).get().nfsVersions())
                .containsExactly("4.1", "3");
        assertThat(loaderWith("nfsVersions: 4.1\n").load(file(), Map.of("CSI_ENDPOINT", "unix:///x.sock",
                "CSI4J_NFS_VERSIONS", "3")).get().nfsVersions()).containsExactly("3");
        assertError("nfsVersions: 4.2,5\n", "/etc/csi4j.yaml", "nfsVersions", "NFS versions");
    }

    @Test
    void withoutAnEndpointItRefusesToStart() {
        ConfigError e = loaderWith("").load(CliOverrides.none(), Map.of()).getLeft();
        assertThat(e.key()).isEqualTo("endpoint");
        assertThat(e.reason()).contains("CSI_ENDPOINT");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() {
        String yaml = "driverName: from.file\nnodeId: file-node\nmode: node\nbackends:\n  local:\n    type: local\n";
        var cli = new CliOverrides(Optional.of(Path.of("/etc/csi4j.yaml")), Optional.empty(), Optional.of("flag-node"),
                Optional.empty(), Optional.empty(), Optional.of("/srv/csi"), Optional.empty());
        Settings s = loaderWith(yaml).load(cli, Map.of("CSI_ENDPOINT", "unix:///x.sock", "CSI4J_DRIVER_NAME", "env.driver",
                "CSI4J_MODE", "controller")).get();
        assertThat(s.driverName()).isEqualTo("env.driver");
        assertThat(s.nodeId()).isEqualTo("flag-node");
        assertThat(s.mode()).isEqualTo(Mode.CONTROLLER);
        assertThat(s.backends().getFirst().options().absolutePath("root").get()).contains(Path.of("/srv/csi"));
    }

    @Test
    void errorsNameTheFileTheKeyAndTheReason() {
        assertError("mode: sideways\n", "/etc/csi4j.yaml", "mode", "controller, node, all");
        assertError("bogus: 1\n", "/etc/csi4j.yaml", "bogus", "unknown key");
        assertError("driverName: -bad-\n", "/etc/csi4j.yaml", "driverName", "DNS-style");
        assertError("backends:\n  a1:\n    type: tape\n", "/etc/csi4j.yaml", "backends.a1.type", "not a known backend type");
        assertError("backends:\n  a1:\n    root: /x\n", "/etc/csi4j.yaml", "backends.a1.type", "required");
        assertError("backends:\n  Bad_Name:\n    type: local\n", "/etc/csi4j.yaml", "backends.Bad_Name", "backend name");
        assertError("backends: {}\n", "/etc/csi4j.yaml", "backends", "names no backend");
        assertError("defaultBackend: nope\nbackends:\n  a:\n    type: local\n", "/etc/csi4j.yaml", "defaultBackend",
                "not under backends");
        assertError("kubeletDir: relative/dir\n", "/etc/csi4j.yaml", "kubeletDir", "absolute");
        assertError("mode: [a, b]\n", "/etc/csi4j.yaml", "mode", "single value");
        assertError("a: b: c\n", "/etc/csi4j.yaml", "(syntax)", "YAML");
    }

    @Test
    void aMissingFileIsAnError() {
        var cli = new CliOverrides(Optional.of(Path.of("/nope.yaml")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        ConfigError e = loaderWith("").load(cli, ENDPOINT).getLeft();
        assertThat(e.message()).startsWith("/nope.yaml: (file): no such file");
    }

    @Test
    void environmentErrorsNameTheVariable() {
        ConfigError e = loaderWith("").load(CliOverrides.none(), Map.of("CSI_ENDPOINT", "http://x")).getLeft();
        assertThat(e.source()).isEqualTo("(environment)");
        assertThat(e.key()).isEqualTo("CSI_ENDPOINT");
        ConfigError root = loaderWith("").load(CliOverrides.none(), Map.of("CSI_ENDPOINT", "unix:///x.sock",
                "CSI4J_LOCAL_ROOT", "rel")).getLeft();
        assertThat(root.key()).isEqualTo("CSI4J_LOCAL_ROOT");
    }

    @Test
    void theLocalRootFlagNeedsExactlyOneLocalBackend() {
        String yaml = "backends:\n  a:\n    type: local\n  b:\n    type: local\n";
        var cli = new CliOverrides(Optional.of(Path.of("/etc/csi4j.yaml")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("/srv"), Optional.empty());
        assertThat(loaderWith(yaml).load(cli, ENDPOINT).getLeft().reason()).contains("exactly one backend of type local");
    }

    @Test
    void sizesReadLikeKubernetesQuantities() {
        assertThat(Sizes.parse("1Gi")).hasValue(1L << 30);
        assertThat(Sizes.parse("500Mi")).hasValue(500L << 20);
        assertThat(Sizes.parse("2G")).hasValue(2_000_000_000L);
        assertThat(Sizes.parse("4096")).hasValue(4096);
        assertThat(Sizes.parse("10EiB")).isEmpty();
        assertThat(Sizes.parse("-1")).isEmpty();
        assertThat(Sizes.parse("lots")).isEmpty();
    }

    private void assertError(String yaml, String source, String key, String reasonPart) {
        ConfigError e = loaderWith(yaml).load(file(), ENDPOINT).getLeft();
        assertThat(e.source()).as(yaml).isEqualTo(source);
        assertThat(e.key()).as(yaml).isEqualTo(key);
        assertThat(e.reason()).as(yaml).contains(reasonPart);
    }
}
