package io.csi4j.adapters.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.ChapCredentials;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iscsiadm commands as argv, and what their exit statuses mean. */
class IscsiadmTest {

    private static final String IQN = "iqn.2024-01.io.csi4j.test:target1";
    private static final String PORTAL = "192.168.77.1:3260";

    @TempDir
    Path bin;

    private Iscsiadm iscsiadm(ScriptedRunner runner) {
        return new Iscsiadm(runner.commands(), IscsiConfig.defaults());
    }

    @Test
    void aRecordIsConfiguredForManualStartupBoundedRetriesAndChapWithTheSecretsMasked() {
        ScriptedRunner runner = new ScriptedRunner(bin).on("iscsiadm", 0, "", "");
        var chap = new ChapCredentials("chapuser", "chapsecret123", Optional.of("tgtuser"), Optional.of("tgtsecret45"));

        assertThat(iscsiadm(runner).configureRecord(IQN, PORTAL, Optional.of(chap)).get()).isEqualTo(Done.DONE);

        assertThat(runner.lines()).containsExactly("iscsiadm -m node -T " + IQN + " -p " + PORTAL + " -o update"
                + " -n node.startup -v manual -n node.session.initial_login_retry_max -v 2"
                + " -n node.session.auth.authmethod -v CHAP -n node.session.auth.username -v chapuser"
                + " -n node.session.auth.password -v chapsecret123 -n node.session.auth.username_in -v tgtuser"
                + " -n node.session.auth.password_in -v tgtsecret45");
        assertThat(runner.ran.getFirst().display()).doesNotContain("chapsecret123", "tgtsecret45", "chapuser");
    }

    @Test
    void aRecordWithoutChapSaysSo() {
        ScriptedRunner runner = new ScriptedRunner(bin).on("iscsiadm", 0, "", "");

        iscsiadm(runner).configureRecord(IQN, PORTAL, Optional.empty());

        assertThat(runner.lines().getFirst()).endsWith("-n node.session.auth.authmethod -v None")
                .doesNotContain("auth.username");
    }

    @Test
    void aLoginThatFindsTheSessionThereIsSuccessAndAChapRefusalIsUnauthenticated() {
        var already = new ScriptedRunner(bin).on("iscsiadm -m node", 15, "",
                "iscsiadm: default: 1 session requested, but 1 already present.\n");
        assertThat(iscsiadm(already).login(IQN, PORTAL).get()).isEqualTo(Done.DONE);
        assertThat(already.lines()).containsExactly("iscsiadm -m node -T " + IQN + " -p " + PORTAL + " --login");

        var refused = new ScriptedRunner(bin).on("iscsiadm -m node", 24, "Logging in to [iface: default, target: "
                + IQN + ", portal: 192.168.77.1,3260]\n", "iscsiadm: initiator reported error (24 - iSCSI login failed"
                + " due to authorization failure)\niscsiadm: Could not log into all portals\n");
        Failure failure = iscsiadm(refused).login(IQN, PORTAL).getLeft();
        assertThat(failure).isInstanceOf(Failure.Unauthenticated.class);
        assertThat(failure.message()).contains("CHAP", "authorization failure", "exit 24");
    }

    @Test
    void logoutAndDeleteOfWhatIsGoneAreSuccess() {
        var gone = new ScriptedRunner(bin).on("iscsiadm -m node", 21, "", "iscsiadm: No matching sessions found\n");

        assertThat(iscsiadm(gone).logout(IQN, PORTAL).get()).isEqualTo(Done.DONE);
        assertThat(iscsiadm(gone).deleteRecord(IQN, PORTAL).get()).isEqualTo(Done.DONE);
        assertThat(gone.lines()).containsExactly("iscsiadm -m node -T " + IQN + " -p " + PORTAL + " --logout",
                "iscsiadm -m node -T " + IQN + " -p " + PORTAL + " -o delete");
    }

    @Test
    void noSessionsIsAnEmptyListAndADeadIscsidIsUnavailable() {
        var none = new ScriptedRunner(bin).on("iscsiadm -m session", 21, "", "iscsiadm: No active sessions.\n");
        assertThat(iscsiadm(none).sessions().get()).isEmpty();

        var dead = new ScriptedRunner(bin).on("iscsiadm -m session", 20, "",
                "iscsiadm: can not connect to iSCSI daemon (111)!\n");
        assertThat(iscsiadm(dead).sessions().getLeft()).isInstanceOf(Failure.Unavailable.class)
                .extracting(Failure::message).asString().contains("iscsid");
    }

    @Test
    void recordsAreLookedUpExactlyAndAMissingOneIsNoError() {
        var runner = new ScriptedRunner(bin).on("iscsiadm -m node -T " + IQN + " -p 10.0.0.1:3260", 21, "",
                "iscsiadm: No records found\n").on("iscsiadm -m node", 0, "# BEGIN RECORD 2.1.8\n", "");

        assertThat(iscsiadm(runner).recordExists(IQN, "10.0.0.1:3260").get()).isFalse();
        assertThat(iscsiadm(runner).recordExists(IQN, PORTAL).get()).isTrue();
    }

    @Test
    void discoverySavesNoRecordAndWithChapCleansUpItsDiscoveryRecord() {
        var open = new ScriptedRunner(bin).on("iscsiadm -m discovery", 0, Captured.text("iscsiadm-discovery.txt"), "");
        assertThat(iscsiadm(open).discover(PORTAL, Optional.empty()).get()).hasSize(1);
        assertThat(open.lines()).containsExactly("iscsiadm -m discovery -t sendtargets -p " + PORTAL
                + " -o nonpersistent");

        var chap = new ScriptedRunner(bin).on("iscsiadm -m discoverydb -t sendtargets -p " + PORTAL + " --discover",
                0, Captured.text("iscsiadm-discovery.txt"), "").on("iscsiadm -m discoverydb", 0, "", "");
        assertThat(iscsiadm(chap).discover(PORTAL, Optional.of(ChapCredentials.oneWay("u", "discsecret99"))).get())
                .hasSize(1);
        assertThat(chap.lines()).hasSize(4).last().asString().endsWith("-o delete");
        assertThat(chap.ran).allSatisfy(c -> assertThat(c.display()).doesNotContain("discsecret99"));

        var unreachable = new ScriptedRunner(bin).on("iscsiadm -m discovery", 4, "",
                "iscsiadm: cannot make connection to 192.168.77.9: No route to host\n");
        assertThat(iscsiadm(unreachable).discover(PORTAL, Optional.empty()).getLeft())
                .isInstanceOf(Failure.Unavailable.class);
    }

    @Test
    void aRescanNamesTheSession() {
        var runner = new ScriptedRunner(bin).on("iscsiadm", 0, "Rescanning session [sid: 3, ...]\n", "");

        iscsiadm(runner).rescan(3);

        assertThat(runner.lines()).containsExactly("iscsiadm -m session -r 3 --rescan");
    }
}
