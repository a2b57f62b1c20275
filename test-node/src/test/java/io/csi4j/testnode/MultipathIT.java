package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A LUN reached through two portals on a node that runs multipathd: the plugin stages the multipath map, grows it
 * after the LUN grows, and flushes it before logging out of both paths.
 */
class MultipathIT extends Scenario {

    private static final String IQN = Targets.iqn("multipath");
    private static final List<String> PORTALS = List.of(Servers.ADDRESS + ":3260", Servers.SECOND_ADDRESS + ":3260");

    MultipathIT(TestNode node) {
        super(node);
    }

    @BeforeAll
    static void startMultipathd(TestNode node) {
        // Queueing while no path answers, as production multipath setups do: the test grows the LUN by making it
        // again on the target, and I/O in that moment must wait, not fail.
        node.agent.must("printf 'defaults {\\n    user_friendly_names yes\\n    find_multipaths greedy\\n"
                + "    no_path_retry 12\\n}\\n'"
                + " > /etc/multipath.conf && multipathd && sleep 1 && multipathd show status");
    }

    @AfterAll
    static void stopMultipathd(TestNode node) {
        node.agent.run("multipath -F; multipathd shutdown; sleep 1");
    }

    @Test
    void aLunOnTwoPathsIsStagedAsItsMultipathMapGrownAndFlushedAtUnstage() {
        var v = Requests.of("e2e:multipath", Requests.mount("ext4", SINGLE_NODE_WRITER),
                new DataPath.IscsiLun(PORTALS, IQN, 1, true)).withSecrets(Map.of("node.session.auth.username",
                Servers.CHAP_USER, "node.session.auth.password", Servers.CHAP_SECRET));

        stage(v);
        stage(v);
        publish(v, "pod", false);

        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.source()).startsWith("/dev/mapper/mpath");
        String map = staged.source().substring("/dev/mapper/".length());
        assertThat(guest.sessions()).filteredOn(s -> s.contains(IQN)).hasSize(2);
        assertThat(guest.must("multipath -ll " + map)).contains(map).containsPattern("active ready[\\s\\S]*active ready");
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 8);

        long grown = 128 * Targets.MIB;
        guest.must("sync");
        node.servers.growLun(Targets.MULTIPATH, 1, grown);
        assertThat(csi().nodeExpandVolume(v.expand(v.target("pod"), grown)).getCapacityBytes()).isEqualTo(grown);
        assertThat(guest.must("blockdev --getsize64 " + staged.source()).strip()).isEqualTo(Long.toString(grown));
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(sum);

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
        assertThat(guest.run("multipath -ll " + map).output()).doesNotContain(map + " (");
        assertThat(guest.run("ls /dev/mapper").output()).doesNotContain(map);
        assertThat(guest.sessions()).noneMatch(s -> s.contains(IQN));
        assertThat(guest.records()).noneMatch(s -> s.contains(IQN));
    }
}
