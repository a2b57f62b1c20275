package io.csi4j.bootstrap.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.IntelliFlashConfig;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.CliOverrides;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.bootstrap.config.SettingsLoader;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original IntelliFlash configuration file loads unchanged, and csi4j's own keys and checks apply to it. */
class IntelliFlashConfigurationTest {

    /** The block driver's README sample, as its users have it in their secret. */
    static final String ORIGINAL = """
            arrays:                       # map; key = "config name"
              array1:
                restIp: https://172.27.10.30:443
                username: admin
                password: t
                defaultProject: csi-block
                defaultDataIp: 172.27.10.30
                zone: zone-1
                inheritProjectSettings: false
                defaultTarget: csi
                defaultTargetGroup: csi
                defaultHostGroup: csi
                defaultiSCSIPort: 3261
              array2:
                restIp: https://172.27.10.31:443
                username: admin
                password: t2
                defaultProject: csi-file
                defaultMountFsType: cifs
                defaultMountOptions: vers=3.0,nobrl
                parentShareMountPoint: "/export/csi-file/parentfs"
            useChapAuth: true
            chapUser: admin
            chapSecret: chapsecretif
            initiatorGroup: csi-block-chap-initiator-group
            debug: true
            """;

    static final Map<String, String> ENV = Map.of("CSI_ENDPOINT", "unix:///tmp/csi.sock");

    @TempDir
    Path dir;

    Either<ConfigError, Settings> load(String yaml, Map<String, String> env, Optional<String> driver) throws Exception {
        Path file = Files.writeString(dir.resolve("driver-config.yaml"), yaml);
        var cli = new CliOverrides(Optional.of(file), Optional.empty(), Optional.empty(), driver, Optional.empty(),
                Optional.empty(), Optional.empty());
        return new SettingsLoader(Set.of("local", "intelliflash-file", "intelliflash-block"), SettingsLoader::readLocalFile,
                "node-1").load(cli, env);
    }

    static IntelliFlashConfig config(Settings s) {
        BackendSettings b = s.backends().getFirst();
        Flavour f = b.type().equals("intelliflash-block") ? Flavour.BLOCK : Flavour.FILE;
        return IntelliFlashOptions.parse(b, f).get().config();
    }

    @Test
    void theOriginalFileLoadsUnchangedAsOneBackendOfTheDriversFlavour() throws Exception {
        Settings block = load(ORIGINAL, ENV, Optional.of(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER)).get();
        Settings file = load(ORIGINAL, ENV, Optional.of("intelliflash-csi-file-driver.intelliflash.com")).get();
        Settings byEnv = load(ORIGINAL, Map.of("CSI_ENDPOINT", "unix:///x.sock", "CSI4J_INTELLIFLASH_PROTOCOL", "block"),
                Optional.empty()).get();

        assertThat(block.backends()).singleElement().satisfies(b -> {
            assertThat(b.name().value()).isEqualTo("intelliflash");
            assertThat(b.type()).isEqualTo("intelliflash-block");
        });
        assertThat(block.driverName()).isEqualTo(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER);
        assertThat(file.backends().getFirst().type()).isEqualTo("intelliflash-file");
        assertThat(byEnv.backends().getFirst().type()).isEqualTo("intelliflash-block");
    }

    @Test
    void everyOriginalKeyIsRead() throws Exception {
        IntelliFlashConfig c = config(load(ORIGINAL, ENV, Optional.of(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER)).get());

        ArrayConfig a1 = c.arrays().get(0);
        assertThat(a1.configName()).isEqualTo("array1");
        assertThat(a1.restIp()).hasToString("https://172.27.10.30:443");
        assertThat(a1.defaultProject()).isEqualTo("csi-block");
        assertThat(a1.zone()).contains("zone-1");
        assertThat(a1.inheritProjectSettings()).isFalse();
        assertThat(a1.defaultTarget()).contains("csi");
        assertThat(a1.defaultHostGroup()).contains("csi");
        assertThat(a1.defaultIscsiPort()).as("the ancestor's spelling defaultiSCSIPort").isEqualTo(3261);
        assertThat(a1.tls().verify()).as("csi4j verifies unless told not to").isTrue();
        ArrayConfig a2 = c.arrays().get(1);
        assertThat(a2.defaultDataIp()).as("defaults to the REST host").isEqualTo("172.27.10.31");
        assertThat(a2.defaultMountFsType()).isEqualTo("cifs");
        assertThat(a2.defaultMountOptions()).containsExactly("vers=3.0", "nobrl");
        assertThat(a2.parentShareMountPoint()).contains("/export/csi-file/parentfs");
        assertThat(a2.inheritProjectSettings()).as("no target group: inherit").isTrue();
        assertThat(c.chap().enabled()).isTrue();
        assertThat(c.chap().initiatorGroup()).contains("csi-block-chap-initiator-group");
        assertThat(c.chap().toString()).doesNotContain("chapsecretif");
    }

    @Test
    void theDriverReadsTheFirstYamlOfADirectoryAsTheOriginalsMountOfTheirSecret() throws Exception {
        Path secret = Files.createDirectories(dir.resolve("etc"));
        Path data = Files.createDirectories(secret.resolve("..2024_01_01"));
        Files.writeString(data.resolve("driver-config.yaml"), ORIGINAL);
        Files.createSymbolicLink(secret.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(secret.resolve("driver-config.yaml"), Path.of("..data/driver-config.yaml"));
        var cli = new CliOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        Settings s = new SettingsLoader(Set.of("intelliflash-file", "intelliflash-block"), SettingsLoader::readLocalFile,
                "n").load(cli, Map.of("CSI_ENDPOINT", "unix:///x.sock", "CSI4J_CONFIG", secret.toString())).get();

        assertThat(s.configFile()).contains(secret.resolve("driver-config.yaml"));
        assertThat(s.backends().getFirst().type()).isEqualTo("intelliflash-file");
        assertThat(new SettingsLoader(Set.of(), SettingsLoader::readLocalFile, "n").load(cli, Map.of("CSI_ENDPOINT",
                "unix:///x.sock", "CSI4J_CONFIG", dir.resolve("etc/..2024_01_01").getParent().getParent().toString()))
                .getLeft().reason()).contains("no *.yaml");
    }

    @Test
    void problemsNameTheFileTheKeyAndTheReason() throws Exception {
        assertError(ORIGINAL + "bogus: 1\n", "bogus", "unknown key");
        assertError(ORIGINAL.replace("    zone: zone-1\n", "    zone: zone-1\n    colour: red\n"), "arrays.array1.colour",
                "unknown key");
        assertError(ORIGINAL.replace("restIp: https://172.27.10.30:443", "restIp: 172.27.10.30"), "arrays.array1.restIp",
                "scheme://host");
        assertError(ORIGINAL.replace("    defaultProject: csi-block\n", ""), "arrays.array1.defaultProject", "required");
        assertError(ORIGINAL.replace("chapSecret: chapsecretif\n", ""), "chapSecret", "useChapAuth");
        assertError(ORIGINAL.replace("defaultiSCSIPort: 3261", "defaultiSCSIPort: 3261\n    defaultISCSIPort: 3262"),
                "arrays.array1.defaultiSCSIPort", "duplicates defaultISCSIPort");
        assertError(ORIGINAL.replace("zone: zone-1", "zone: -bad-"), "arrays.array1.zone", "segment");
        assertError("backends:\n  x:\n    type: local\n" + ORIGINAL, "arrays", "cannot be combined");
    }

    void assertError(String yaml, String key, String reason) throws Exception {
        Either<ConfigError, Settings> loaded = load(yaml, ENV, Optional.of(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER));
        ConfigError e = loaded.isLeft() ? loaded.getLeft()
                : IntelliFlashOptions.parse(loaded.get().backends().getFirst(), Flavour.BLOCK).getLeft();
        assertThat(e.source()).endsWith("driver-config.yaml");
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void tlsVerificationIsOnUnlessSwitchedOffAndACaFileMayBeGiven() throws Exception {
        String yaml = ORIGINAL.replace("debug: true", "tlsVerify: false\ncaFile: /etc/ca.pem")
                .replace("    zone: zone-1\n", "    zone: zone-1\n    tlsVerify: true\n");

        IntelliFlashConfig c = config(load(yaml, ENV, Optional.of(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER)).get());

        assertThat(c.arrays().get(0).tls().verify()).isTrue();
        assertThat(c.arrays().get(1).tls().verify()).isFalse();
        assertThat(c.arrays().get(1).tls().caFile()).contains(Path.of("/etc/ca.pem"));
    }

    @Test
    void theNodesAddressComesFromTheEnvironmentOrTheFile() throws Exception {
        assertThat(load(ORIGINAL + "nodeIp: 10.1.2.3\n", ENV, Optional.empty()).get().nodeIp()).contains("10.1.2.3");
        assertThat(load(ORIGINAL, Map.of("CSI_ENDPOINT", "unix:///x.sock", "CSI4J_NODE_IP", "10.9.9.9"), Optional.empty())
                .get().nodeIp()).contains("10.9.9.9");
        assertThat(load(ORIGINAL + "nodeIp: not-an-ip\n", ENV, Optional.empty()).getLeft().key()).isEqualTo("nodeIp");
    }

    @Test
    void theFactoriesBuildBothFlavoursWithoutCallingTheArrays() throws Exception {
        Settings s = load(ORIGINAL, ENV, Optional.of(SettingsLoader.INTELLIFLASH_BLOCK_DRIVER)).get();

        var block = new IntelliFlashBlockBackendFactory().create(s.backends().getFirst(), s);
        var file = new IntelliFlashFileBackendFactory().create(s.backends().getFirst(), s);

        assertThat(block.get().features().type()).isEqualTo("intelliflash-block");
        assertThat(file.get().features().type()).isEqualTo("intelliflash-file");
        assertThat(block.get().features().topology()).isTrue();
        assertThat(block.get().recogniseForeignId("array2:csi-file:pvc-1")).isPresent();
        assertThat(block.get().recogniseForeignId("array3:csi-file:pvc-1")).isEmpty();
        assertThat(new IntelliFlashFileBackendFactory().keys()).extracting(ConfigKey::name).contains("arrays", "tlsVerify");
        assertThat(List.of(block.get().nodeFacts(), file.get().nodeFacts())).hasSize(2);
    }
}
