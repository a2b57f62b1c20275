package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An SMB 3 share staged with node-stage secrets: the credentials travel in a file that is gone afterwards. */
class SmbIT extends Scenario {

    private static final Map<String, String> GOOD = Map.of("username", Servers.SMB_USER, "password", Servers.SMB_PASSWORD);

    SmbIT(TestNode node) {
        super(node);
    }

    private Requests share(String id, String dir) throws IOException {
        Files.createDirectories(node.servers.smbShare().resolve(dir));
        return Requests.of(id, Requests.mount("", MULTI_NODE_MULTI_WRITER),
                new DataPath.SmbShare(Servers.ADDRESS, "share/" + dir, List.of("vers=3.1.1")));
    }

    @Test
    void anSmb3ShareIsMountedWithTheSecretsAndNoCredentialsAreLeftAnywhere() throws IOException {
        var v = share("e2e:smb", "vol1").withSecrets(GOOD);

        stage(v);
        stage(v);
        publish(v, "pod", false);

        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("cifs");
        assertThat(staged.hasOption("vers=3.1.1")).isTrue();
        assertThat(guest.under(v.staging())).hasSize(1);
        guest.writeAndReadBack(v.target("pod") + "/data.bin", 8);
        assertThat(Files.size(node.servers.smbShare().resolve("vol1/data.bin"))).isEqualTo(8L << 20);
        assertThat(guest.run("ls -d /tmp/csi4j-mount-* 2>/dev/null").output()).as("credentials files left").isBlank();
        assertThat(node.pluginLog()).doesNotContain(Servers.SMB_PASSWORD);

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
    }

    @Test
    void aWrongPasswordIsRefusedWithoutEchoingItAndMountsNothing() throws IOException {
        var v = share("e2e:smb-bad", "vol2").withSecrets(Map.of("username", Servers.SMB_USER, "password",
                "Wrong-Pass-99"));

        Status status = failure(() -> stage(v));

        assertThat(status.getCode()).isIn(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).doesNotContain("Wrong-Pass-99");
        assertThat(node.pluginLog()).doesNotContain("Wrong-Pass-99");
        assertThat(guest.run("ls -d /tmp/csi4j-mount-* 2>/dev/null").output()).isBlank();
        assertNothingLeft(v);
    }
}
