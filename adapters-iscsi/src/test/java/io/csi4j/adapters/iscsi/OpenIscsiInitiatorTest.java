package io.csi4j.adapters.iscsi;

import static io.csi4j.adapters.iscsi.SimulatedNode.IQN;
import static io.csi4j.adapters.iscsi.SimulatedNode.PORTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The initiator's sequences of iscsiadm calls and sysfs reads, on a simulated node. */
class OpenIscsiInitiatorTest {

    private static final Optional<ChapCredentials> GOOD = Optional.of(ChapCredentials.oneWay("chapuser",
            SimulatedNode.SECRET));

    @TempDir
    Path dir;

    private static IscsiAddress lun(int n) {
        return IscsiAddress.of(List.of(PORTAL), IQN, n).get();
    }

    @Test
    void attachMakesAManualRecordLogsInAndGivesTheLunsDiskFromSysfs() {
        SimulatedNode node = new SimulatedNode(dir);

        Path device = node.initiator().attach(lun(2), GOOD).get();

        assertThat(device).isEqualTo(node.dev.resolve("sdb"));
        assertThat(node.runner.lines()).containsSubsequence(
                "iscsiadm -m session",
                "iscsiadm -m node -T " + IQN + " -p " + PORTAL,
                "iscsiadm -m node -T " + IQN + " -p " + PORTAL + " -o new",
                "iscsiadm -m node -T " + IQN + " -p " + PORTAL + " --login");
        assertThat(node.runner.lines()).anySatisfy(l -> assertThat(l).contains("-n node.startup -v manual"));
        assertThat(node.initiator().find(lun(1)).get()).contains(node.dev.resolve("sda"));
        assertThat(node.initiator().attached().get()).hasSize(2)
                .allSatisfy(l -> assertThat(l.address().portals()).containsExactly(PORTAL));
    }

    @Test
    void aRefusedChapSecretLeavesNoRecordBehindAndSaysUnauthenticated() {
        SimulatedNode node = new SimulatedNode(dir);

        Failure failure = node.initiator().attach(lun(1), Optional.of(ChapCredentials.oneWay("chapuser", "wrong-1")))
                .getLeft();

        assertThat(failure).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(failure.message()).doesNotContain("wrong-1");
        assertThat(node.records).isEmpty();
        assertThat(node.runner.lines()).last().asString().endsWith("-o delete");
    }

    @Test
    void anAttachedLunIsFoundWithoutLoggingInAgain() {
        SimulatedNode node = new SimulatedNode(dir);
        node.initiator().attach(lun(1), GOOD).get();
        int before = node.runner.ran.size();

        assertThat(node.initiator().attach(lun(1), GOOD).get()).isEqualTo(node.dev.resolve("sda"));

        assertThat(node.runner.lines().subList(before, node.runner.ran.size())).noneMatch(l -> l.endsWith("--login"));
    }

    @Test
    void detachWithoutLogoutDeletesOnlyThatDiskAndWithLogoutEndsTheSessionAndRecord() {
        SimulatedNode node = new SimulatedNode(dir);
        node.initiator().attach(lun(1), GOOD).get();

        node.initiator().detach(lun(1), false).get();
        assertThat(node.deleteWritten("sda")).isTrue();
        assertThat(node.deleteWritten("sdb")).isFalse();
        assertThat(node.initiator().sessions().get()).hasSize(1);

        node.initiator().detach(lun(2), true).get();
        assertThat(node.initiator().sessions().get()).isEmpty();
        assertThat(node.records).isEmpty();
        assertThat(node.initiator().detach(lun(2), true).isRight()).as("repeat").isTrue();
    }

    @Test
    void aLunTheTargetDoesNotHaveIsNotFoundAndTheLoginIsUndone() {
        SimulatedNode node = new SimulatedNode(dir);

        Failure failure = node.initiator().attach(lun(7), GOOD).getLeft();

        assertThat(failure).isInstanceOf(Failure.NotFound.class);
        assertThat(failure.message()).contains("no LUN 7", "[0, 1, 2]");
        assertThat(node.initiator().sessions().get()).isEmpty();
        assertThat(node.records).isEmpty();
    }
}
