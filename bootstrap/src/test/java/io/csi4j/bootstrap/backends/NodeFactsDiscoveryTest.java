package io.csi4j.bootstrap.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.LogFormat;
import io.csi4j.bootstrap.config.Mode;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.ports.out.VolumeBackend;
import io.csi4j.ports.service.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node ids carry the iSCSI initiator and the data address exactly when a configured backend needs them. */
class NodeFactsDiscoveryTest {

    @TempDir
    Path dir;

    Settings settings(Mode mode, Optional<String> ip) {
        return new Settings(Optional.empty(), "csi4j.io", "node-1", "unix:///x.sock", mode, Optional.empty(), List.of(),
                LogFormat.TEXT, Path.of("/var/lib/kubelet"), ip, Optional.empty());
    }

    Backends backends(String type) throws Exception {
        String yaml = "arrays:\n  array1:\n    restIp: https://10.0.0.1\n    username: u\n    password: p\n"
                + "    defaultProject: p\n";
        var node = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(yaml);
        var b = new BackendSettings(new BackendName("intelliflash"), type, new ConfigTree("test.yaml", "", node));
        BackendFactory f = type.equals("intelliflash-block") ? new IntelliFlashBlockBackendFactory()
                : new IntelliFlashFileBackendFactory();
        VolumeBackend backend = f.create(b, settings(Mode.ALL, Optional.empty())).get();
        return new Backends(List.of(backend), Optional.empty());
    }

    @Test
    void aBlockBackendMakesTheNodeReportItsInitiatorName() throws Exception {
        Path file = Files.writeString(dir.resolve("initiatorname.iscsi"),
                "## DO NOT EDIT\nInitiatorName=iqn.2024-01.test.kvmnode:node1\n");

        NodeFacts facts = NodeFactsDiscovery.discover(settings(Mode.NODE, Optional.of("10.0.0.5")),
                backends("intelliflash-block"), file);

        assertThat(facts.iqn()).contains("iqn.2024-01.test.kvmnode:node1");
        assertThat(facts.address()).as("not needed by block").isEmpty();
        assertThat(facts.toId().value()).isEqualTo("node-1;iqn=iqn.2024-01.test.kvmnode:node1");
    }

    @Test
    void aFileBackendMakesTheNodeReportItsAddress() throws Exception {
        NodeFacts facts = NodeFactsDiscovery.discover(settings(Mode.ALL, Optional.of("10.0.0.5")),
                backends("intelliflash-file"), dir.resolve("absent"));

        assertThat(facts.toId().value()).isEqualTo("node-1;ip=10.0.0.5");
    }

    @Test
    void aMissingInitiatorFileOrAControllerOnlyProcessGivesThePlainName() throws Exception {
        assertThat(NodeFactsDiscovery.discover(settings(Mode.NODE, Optional.empty()), backends("intelliflash-block"),
                dir.resolve("absent")).toId().value()).isEqualTo("node-1");
        assertThat(NodeFactsDiscovery.discover(settings(Mode.CONTROLLER, Optional.of("10.0.0.5")),
                backends("intelliflash-file"), dir.resolve("absent")).toId().value()).isEqualTo("node-1");
    }
}
