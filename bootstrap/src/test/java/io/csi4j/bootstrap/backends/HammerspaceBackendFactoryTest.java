package io.csi4j.bootstrap.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.adapters.hammerspace.HammerspaceBackend;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.LogFormat;
import io.csi4j.bootstrap.config.Mode;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.health.Health;
import io.csi4j.domain.id.BackendName;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory builds a working backend from its keys, and names the key of every bad value. */
class HammerspaceBackendFactoryTest {

    @TempDir
    Path dir;

    private static Settings settings(Mode mode) {
        return new Settings(Optional.empty(), "com.hammerspace.csi", "node-1", "unix:///x.sock", mode,
                Optional.empty(), List.of(), LogFormat.TEXT, Path.of("/var/lib/kubelet"));
    }

    private static Either<ConfigError, VolumeBackend> build(ObjectNode options) {
        return build(options, Mode.CONTROLLER);
    }

    private static Either<ConfigError, VolumeBackend> build(ObjectNode options, Mode mode) {
        options.put("type", "hammerspace");
        return new HammerspaceBackendFactory().create(new BackendSettings(new BackendName("hs"), "hammerspace",
                new ConfigTree("test.yaml", "backends.hs", options)), settings(mode));
    }

    @Test
    void aNodeOnlyProcessBuildsTheApiClientAndTheDataPathLookupButNoShareAccess() {
        Path mountRoot = dir.resolve("controller-mounts");
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("endpoint", "https://anvil").put("username", "u")
                .put("password", "p").put("mountRoot", mountRoot.toString());

        VolumeBackend b = build(o, Mode.NODE).get();

        assertThat(b.dataPaths()).isPresent();
        assertThat(mountRoot).as("the controller's mount root is not made on a node").doesNotExist();
        assertThat(build(o.deepCopy().put("namespaceRoot", dir.resolve("none").toString()), Mode.NODE).isRight())
                .as("nor is the controller's namespace looked for").isTrue();
        assertThat(build(o.deepCopy().put("mountRoot", "relative"), Mode.NODE).getLeft().key())
                .as("its value is still checked").isEqualTo("backends.hs.mountRoot");
        assertThat(build(o.deepCopy(), Mode.ALL).isRight()).isTrue();
        assertThat(mountRoot).as("a process that serves the controller makes it").isDirectory();
    }

    @Test
    void aBackendBuiltFromItsKeysReachesTheSimulatorWithVerifiedTls() throws Exception {
        try (HammerspaceSimulator sim = HammerspaceSimulator.start(SimulatorConfig.defaults(dir.resolve("ns")))) {
            Path ca = sim.writeCaPem(dir.resolve("ca.pem"));
            Path pw = Files.writeString(dir.resolve("password"), sim.config().password() + "\n");
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("endpoint", sim.endpoint().toString())
                    .put("username", sim.config().username()).put("passwordFile", pw.toString())
                    .put("caFile", ca.toString()).put("namespaceRoot", sim.root().toString())
                    .put("taskTimeout", "30s");

            VolumeBackend b = build(o).get();

            assertThat(b).isInstanceOf(HammerspaceBackend.class);
            assertThat(b.probe()).isInstanceOf(Health.Ready.class);
            assertThat(((HammerspaceBackend) b).config().pluginName()).isEqualTo("com.hammerspace.csi");
        }
    }

    @Test
    void badValuesNameTheirKey() {
        ObjectNode base = JsonNodeFactory.instance.objectNode().put("endpoint", "https://anvil").put("username", "u")
                .put("password", "p").put("namespaceRoot", dir.toString());
        assertKey(base.deepCopy().put("endpoint", "http://anvil"), "endpoint");
        assertKey(base.deepCopy().put("passwordFile", "/etc/pw"), "password");
        assertKey(base.deepCopy().put("tlsVerify", "perhaps"), "tlsVerify");
        assertKey(base.deepCopy().put("taskTimeout", "soon"), "taskTimeout");
        assertKey(base.deepCopy().put("maxConnections", "0"), "maxConnections");
        assertKey(base.deepCopy().put("caFile", dir.resolve("missing.pem").toString()), "caFile");
        assertKey(base.deepCopy().put("catalogShare", "bad name"), "catalogShare");
        assertKey(base.deepCopy().put("namespaceRoot", dir.resolve("none").toString()), "namespaceRoot");
        assertKey(base.deepCopy().put("colour", "blue"), "colour");
    }

    private static void assertKey(ObjectNode options, String key) {
        ConfigError e = build(options).getLeft();
        assertThat(e.key()).as(options.toString()).isEqualTo("backends.hs." + key);
    }
}
