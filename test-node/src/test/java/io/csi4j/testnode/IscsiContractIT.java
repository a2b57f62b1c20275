package io.csi4j.testnode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The iSCSI initiator port's contract, run in the guest against open-iscsi and real targets. */
class IscsiContractIT extends Scenario {

    IscsiContractIT(TestNode node) {
        super(node);
    }

    @Test
    void theRealInitiatorPassesThePortsContract() {
        Agent.Result run = node.agent.run("cd /tmp && NET=" + Network.NET
                + " /host/bin/java -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp " + node.guestClassPath()
                + " io.csi4j.testnode.GuestContract > /job/contract.log 2>&1;"
                + " rc=$?; tail -n 40 /job/contract.log; exit $rc", Duration.ofMinutes(10));

        assertThat(run.rc()).as(run.output()).isZero();
        assertThat(run.output()).contains("tests successful").doesNotContain(Servers.CHAP_SECRET);
    }
}
