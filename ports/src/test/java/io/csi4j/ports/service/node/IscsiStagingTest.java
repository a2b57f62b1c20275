package io.csi4j.ports.service.node;

import static io.csi4j.ports.service.node.NodeScene.BLOCK;
import static io.csi4j.ports.service.node.NodeScene.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.HostPaths;
import io.csi4j.ports.out.host.Mounter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** iSCSI LUNs staged on the fake node: CHAP, formatting, expansion, shared targets, crashes, bad input. */
class IscsiStagingTest {

    private static final String IQN = "iqn.2024-01.io.csi4j.test:target1";
    private static final String PORTAL = "10.0.0.9:3260";
    private static final Secrets CHAP = new Secrets(Map.of(ChapSecrets.USERNAME, "chapuser",
            ChapSecrets.PASSWORD, "chapsecret123"));
    private static final VolumeCapability EXT4 = VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER);

    private final NodeScene node = new NodeScene();

    IscsiStagingTest() {
        node.fake.addIscsiTarget(IQN, List.of(PORTAL), Optional.of(ChapCredentials.oneWay("chapuser", "chapsecret123")),
                256 * MIB, 256 * MIB, 512 * MIB);
    }

    private static DataPath.IscsiLun lun(int n) {
        return new DataPath.IscsiLun(List.of(PORTAL), IQN, n, true);
    }

    @Test
    void aLunIsLoggedInFormattedMountedGrownAndLoggedOutAtUnstage() {
        Path target = node.target("p1", "v1");

        assertThat(node.stage("v1", lun(1), EXT4, CHAP, Map.of()).isRight()).isTrue();
        assertThat(node.stage("v1", lun(1), EXT4, CHAP, Map.of()).isRight()).as("repeat").isTrue();
        assertThat(node.fake.iscsi().sessions().get()).hasSize(1);
        assertThat(node.at(node.staging("v1")).orElseThrow().fsType()).isEqualTo("ext4");
        assertThat(node.publish("v1", target, EXT4, false).isRight()).isTrue();

        long before = node.stats.stats("v1", target.toString(), Optional.empty()).get().totalBytes();
        node.fake.resizeLun(IQN, 1, 384 * MIB);
        assertThat(node.expand.expand("v1", target.toString(), Optional.empty(), CapacityRange.of(384 * MIB, 0).get(),
                Optional.of(EXT4)).get()).isEqualTo(384 * MIB);
        assertThat(node.stats.stats("v1", target.toString(), Optional.empty()).get().totalBytes()).isGreaterThan(before);

        assertThat(node.unpublish.unpublish("v1", target.toString()).isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).as("repeat").isTrue();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
        assertThat(node.fake.iscsi().attached().get()).isEmpty();
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void aWrongChapSecretIsUnauthenticatedAndLeavesNoSessionNorRecord() {
        Secrets wrong = new Secrets(Map.of(ChapSecrets.USERNAME, "chapuser", ChapSecrets.PASSWORD, "wrong-secret"));

        Failure failure = node.stage("v1", lun(1), EXT4, wrong, Map.of()).getLeft();

        assertThat(failure).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(failure.message()).contains("CHAP").doesNotContain("wrong-secret");
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).isFalse();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void aChapVolumeWithoutSecretsIsInvalidAndTouchesNothing() {
        Failure failure = node.stage("v1", lun(1), EXT4).getLeft();

        assertThat(failure).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(failure.message()).contains(ChapSecrets.USERNAME);
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
    }

    @Test
    void theTargetStaysLoggedInWhileAnotherOfItsLunsIsInUse() {
        assertThat(node.stage("v1", lun(1), EXT4, CHAP, Map.of()).isRight()).isTrue();
        assertThat(node.stage("v2", lun(2), BLOCK, CHAP, Map.of()).isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).hasSize(1);

        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).as("LUN 2 is still staged").hasSize(1);
        assertThat(node.fake.iscsi().find(addr(1)).get()).as("LUN 1's device is gone").isEmpty();
        assertThat(node.fake.iscsi().find(addr(2)).get()).isPresent();

        assertThat(node.unstage("v2").isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void aRawBlockLunIsBoundNeverFormattedAndItsDeviceGrows() {
        Path target = node.target("p1", "v3");

        assertThat(node.stage("v3", lun(3), BLOCK, CHAP, Map.of()).isRight()).isTrue();
        assertThat(node.publish("v3", target, BLOCK, false).isRight()).isTrue();
        assertThat(node.fake.paths().kind(target).get()).isEqualTo(HostPaths.Kind.BLOCK_DEVICE);
        Path device = node.fake.iscsi().find(addr(3)).get().orElseThrow();
        assertThat(node.fake.filesystems().probe(device).get()).isEmpty();
        assertThat(node.stats.stats("v3", target.toString(), Optional.empty()).get().totalBytes()).isEqualTo(512 * MIB);

        node.fake.resizeLun(IQN, 3, 640 * MIB);
        assertThat(node.expand.expand("v3", target.toString(), Optional.empty(), CapacityRange.of(640 * MIB, 0).get(),
                Optional.of(BLOCK)).get()).isEqualTo(640 * MIB);

        assertThat(node.unpublish.unpublish("v3", target.toString()).isRight()).isTrue();
        assertThat(node.unstage("v3").isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
    }

    @Test
    void aLunHoldingAnotherFilesystemIsNeverReformatted() {
        node.stage("v1", lun(1), EXT4, CHAP, Map.of());
        node.unstage("v1");

        Failure refused = node.stage("v1", lun(1), VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER), CHAP,
                Map.of()).getLeft();

        assertThat(refused).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(refused.message()).contains("ext4");
        // kubelet sends no NodeUnstage after a final error: the refused stage gave the LUN back itself.
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void unstageAfterACrashThatLeftOnlyTheSessionStillLogsOut() {
        assertThat(node.stage("v1", lun(1), EXT4, CHAP, Map.of()).isRight()).isTrue();
        // The mount went away (a crash between unmount and logout): only the stage record knows the LUN.
        assertThat(node.fake.mounter().unmount(node.staging("v1"), Mounter.Unmount.NORMAL).isRight()).isTrue();

        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
    }

    @Test
    void aLunStillMountedElsewhereIsNotPulledAway() {
        node.stage("v1", lun(1), EXT4, CHAP, Map.of());
        Path device = node.fake.iscsi().find(addr(1)).get().orElseThrow();
        Path elsewhere = NodeScene.KUBELET.resolve("elsewhere");
        node.fake.mkdirs(elsewhere);
        node.fake.mounter().mount(device.toString(), elsewhere, "ext4", List.of());

        assertThat(node.unstage("v1").getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(node.fake.iscsi().sessions().get()).hasSize(1);
        node.fake.mounter().unmount(elsewhere, Mounter.Unmount.NORMAL);
        assertThat(node.unstage("v1").isRight()).isTrue();
    }

    @Test
    void oneUnreachablePortalOfTwoStillStagesThroughTheOther() {
        var twoPortals = new DataPath.IscsiLun(List.of("10.0.0.99", PORTAL), IQN, 1, true);

        assertThat(node.stage("v1", twoPortals, EXT4, CHAP, Map.of()).isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).singleElement()
                .satisfies(s -> assertThat(s.portal()).isEqualTo(PORTAL));
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
    }

    @Test
    void badTargetsPortalsAndLunsAreInvalidArguments() {
        assertThat(node.stage("v1", new DataPath.IscsiLun(List.of(PORTAL), "not-an-iqn", 1, false), EXT4).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.IscsiLun(List.of("-p x"), IQN, 1, false), EXT4).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.IscsiLun(List.of("10.0.0.9:99999"), IQN, 1, false), EXT4).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.IscsiLun(List.of(PORTAL), IQN, 20000, false), EXT4).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.fake.iscsi().sessions().get()).isEmpty();
    }

    private static io.csi4j.ports.out.host.IscsiAddress addr(int n) {
        return io.csi4j.ports.out.host.IscsiAddress.of(List.of(PORTAL), IQN, n).get();
    }
}
