package io.csi4j.ports.service.node;

import static io.csi4j.ports.service.node.NodeScene.MIB;
import static io.csi4j.ports.service.node.NodeScene.RWO;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SMB shares staged with node-stage secrets on the fake node. */
class SmbStagingTest {

    private static final String SOURCE = "//fs1/share";
    private static final DataPath.SmbShare SHARE = new DataPath.SmbShare("fs1", "share", List.of("vers=3.1.1"));
    private static final Secrets GOOD = new Secrets(Map.of("username", "alice", "password", "s3cret-Pw"));

    private final NodeScene node = new NodeScene();

    SmbStagingTest() {
        node.fake.addSmbShare(SOURCE, 32 * MIB, GOOD);
    }

    @Test
    void theNodeStageSecretsAreTheCredentialsAndUnstageLeavesNothing() {
        Path target = node.target("p1", "v1");

        assertThat(node.stage("v1", SHARE, RWO, GOOD, Map.of()).isRight()).isTrue();
        assertThat(node.stage("v1", SHARE, RWO, GOOD, Map.of()).isRight()).as("repeat").isTrue();
        assertThat(node.at(node.staging("v1")).orElseThrow().fsType()).isEqualTo("cifs");
        assertThat(node.publish("v1", target, RWO, true).isRight()).isTrue();
        assertThat(node.at(target).orElseThrow().isReadOnly()).isTrue();

        assertThat(node.unpublish.unpublish("v1", target.toString()).isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedByTheServerWithoutEchoingIt() {
        Secrets wrong = new Secrets(Map.of("username", "alice", "password", "not-the-Pw"));

        Failure failure = node.stage("v1", SHARE, RWO, wrong, Map.of()).getLeft();

        assertThat(failure).isInstanceOf(Failure.PermissionDenied.class);
        assertThat(failure.message()).doesNotContain("not-the-Pw");
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void missingSecretsAreNamedAndNothingIsMounted() {
        Failure failure = node.stage("v1", SHARE, RWO, new Secrets(Map.of("username", "alice")), Map.of()).getLeft();

        assertThat(failure).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failure.message()).contains("'password'");
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void credentialsInMountOptionsAreRefusedSoTheyNeverReachACommandLine() {
        var cap = NodeScene.mount("", List.of("password=s3cret-Pw"), AccessMode.SINGLE_NODE_WRITER);
        var withCredentialsFile = new DataPath.SmbShare("fs1", "share", List.of("credentials=/etc/creds"));

        assertThat(node.stage("v1", SHARE, cap, GOOD, Map.of()).getLeft().message()).doesNotContain("s3cret-Pw")
                .contains("password");
        assertThat(node.stage("v1", withCredentialsFile, RWO, GOOD, Map.of()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void aShareIsNeverABlockDeviceAndBadNamesAreRefused() {
        assertThat(node.stage("v1", SHARE, NodeScene.BLOCK, GOOD, Map.of()).getLeft())
                .isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(node.stage("v1", new DataPath.SmbShare("fs1", "/etc", List.of()), RWO, GOOD, Map.of()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.SmbShare("fs 1", "share", List.of()), RWO, GOOD, Map.of()).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
    }
}
