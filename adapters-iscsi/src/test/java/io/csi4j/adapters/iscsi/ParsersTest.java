package io.csi4j.adapters.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.ports.out.host.IscsiSession;
import io.csi4j.ports.out.host.IscsiTarget;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers of iscsiadm, udev and multipath output, on output captured on a real node. */
class ParsersTest {

    private static final String IQN = "iqn.2024-01.io.csi4j.test:target1";

    @Test
    void theSessionListGivesIdPortalWithoutTagAndTarget() {
        assertThat(SessionList.parse(Captured.text("iscsiadm-session-one.txt")))
                .containsExactly(new IscsiSession(1, "192.168.77.1:3260", IQN));
        assertThat(SessionList.parse(Captured.text("iscsiadm-session-two-portals.txt")))
                .containsExactly(new IscsiSession(1, "192.168.77.1:3260", IQN),
                        new IscsiSession(2, "192.168.77.10:3260", IQN));
    }

    @Test
    void theSessionListSkipsWhatIsNotASessionAndReadsIpv6Portals() {
        String text = "iscsiadm: No active sessions.\n"
                + "tcp: [12] [fd00::1]:3260,1 iqn.2012-02.com.tegile:lun-group (non-flash)\n"
                + "tcp: [13] 10.1.1.1:3261,2 iqn.2012-02.com.tegile:other\n";

        assertThat(SessionList.parse(text)).containsExactly(
                new IscsiSession(12, "[fd00::1]:3260", "iqn.2012-02.com.tegile:lun-group"),
                new IscsiSession(13, "10.1.1.1:3261", "iqn.2012-02.com.tegile:other"));
    }

    @Test
    void portalsGivenByNameAreComparedByAddressAsRecordsAndSessionsKeepThem() {
        assertThat(PortalFormat.byAddress("192.168.77.1:3260")).isEqualTo("192.168.77.1:3260");
        assertThat(PortalFormat.byAddress("[fd00::1]:3261")).isEqualTo("[fd00::1]:3261");
        assertThat(PortalFormat.byAddress("localhost:3260")).isIn("127.0.0.1:3260", "[0:0:0:0:0:0:0:1]:3260");
        assertThat(PortalFormat.byAddress("no-such-host.invalid:3260")).isEqualTo("no-such-host.invalid:3260");
        assertThat(PortalFormat.of("fd00::1", 3260)).isEqualTo("[fd00::1]:3260");
    }

    @Test
    void nodeRecordsAndDiscoveryRepliesShareOneShape() {
        assertThat(PortalTargetList.parse(Captured.text("iscsiadm-node-new-record.txt")))
                .as("a record never logged in has the tag -1, printed unsigned")
                .containsExactly(new IscsiTarget("192.168.77.1:3260", IQN));
        assertThat(PortalTargetList.parse(Captured.text("iscsiadm-discovery.txt")))
                .containsExactly(new IscsiTarget("192.168.77.1:3260", IQN));
        assertThat(PortalTargetList.parse("iscsiadm: No records found\n")).isEmpty();
    }

    @Test
    void byPathNamesRoundTripAndTellPortalTargetAndLun() {
        List<ByPathName> names = Arrays.stream(Captured.text("dev-disk-by-path.txt").split("\n"))
                .map(ByPathName::parse).flatMap(java.util.Optional::stream).toList();

        assertThat(names).hasSize(4).contains(new ByPathName("192.168.77.10:3260", IQN, 2),
                new ByPathName("192.168.77.1:3260", IQN, 1));
        assertThat(new ByPathName("192.168.77.1:3260", IQN, 1).fileName())
                .isEqualTo("ip-192.168.77.1:3260-iscsi-iqn.2024-01.io.csi4j.test:target1-lun-1");
        assertThat(ByPathName.parse("ip-192.168.77.1:3260-iscsi-" + IQN + "-lun-1-part1")).isEmpty();
        assertThat(ByPathName.parse("pci-0000:00:04.0")).isEmpty();
    }

    @Test
    void multipathListingsGiveEachMapWithItsPathDisks() {
        List<MultipathListing.Map> maps = MultipathListing.parse(Captured.text("multipath-ll-two-maps.txt"));

        assertThat(maps).extracting(MultipathListing.Map::name).containsExactly("mpatha", "mpathb");
        assertThat(maps.getFirst().wwid()).isEqualTo("360000000000000000e00000000010001");
        assertThat(maps.getFirst().dmDevice()).isEqualTo("dm-0");
        assertThat(maps.getFirst().paths()).containsExactly(new MultipathListing.Path("sda", true),
                new MultipathListing.Path("sdc", true));
        assertThat(maps.get(1).paths()).extracting(MultipathListing.Path::disk).containsExactly("sdb", "sdd");
        assertThat(MultipathListing.parse(Captured.text("multipath-ll-one-map.txt"))).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("mpatha"));
    }

    @Test
    void multipathListingsReadFailedPathsAndMapsWithoutFriendlyNames() {
        String text = "360000000000000000e00000000010001 dm-3 IET,VIRTUAL-DISK\n"
                + "size=400M features='0' hwhandler='1 alua' wp=rw\n"
                + "|-+- policy='service-time 0' prio=0 status=enabled\n"
                + "| `- 2:0:0:1 sde 8:64 failed faulty running\n"
                + "`-+- policy='service-time 0' prio=50 status=active\n"
                + "  `- 3:0:0:1 sdf 8:80 active ready running\n";

        assertThat(MultipathListing.parse(text)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo(m.wwid()).isEqualTo("360000000000000000e00000000010001");
            assertThat(m.paths()).containsExactly(new MultipathListing.Path("sde", false),
                    new MultipathListing.Path("sdf", true));
        });
        assertThat(MultipathListing.parse("")).isEmpty();
    }
}
