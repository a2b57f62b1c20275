package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

/**
 * iSCSI LUNs with CHAP staged by the plugin in the guest: ext4 and xfs with online expansion after the LUN grows,
 * raw block, a wrong secret, a target shared by two volumes; every unstage leaves no session, mount or record.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class IscsiIT extends Scenario {

    private static final String IQN = Targets.iqn("scenarios");
    private static final String PORTAL = Servers.ADDRESS + ":3260";
    private static final Map<String, String> CHAP = Map.of("node.session.auth.username", Servers.CHAP_USER,
            "node.session.auth.password", Servers.CHAP_SECRET);

    IscsiIT(TestNode node) {
        super(node);
    }

    private static Requests lun(String id, int lun, io.csi4j.csi.v1.VolumeCapability capability) {
        return Requests.of(id, capability, new DataPath.IscsiLun(List.of(PORTAL), IQN, lun, true)).withSecrets(CHAP);
    }

    private void assertTargetGone() {
        assertThat(guest.sessions()).noneMatch(s -> s.contains(IQN));
        assertThat(guest.records()).noneMatch(s -> s.contains(IQN));
    }

    @Test
    void a_ext4LunIsFormattedMountedAndGrownOnlineWithItsDataKept() {
        assertExpandsOnline("e2e:iscsi-ext4", 1, "ext4", Targets.EXT4_BYTES);
    }

    @Test
    void b_xfsLunIsFormattedMountedAndGrownOnlineWithItsDataKept() {
        assertExpandsOnline("e2e:iscsi-xfs", 2, "xfs", Targets.XFS_BYTES);
    }

    private void assertExpandsOnline(String id, int lunNumber, String fsType, long bytes) {
        var v = lun(id, lunNumber, Requests.mount(fsType, SINGLE_NODE_WRITER));

        stage(v);
        stage(v);
        publish(v, "pod", false);

        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo(fsType);
        assertThat(staged.source()).startsWith("/dev/sd");
        assertThat(guest.sessions()).anySatisfy(s -> assertThat(s).contains(PORTAL, IQN));
        assertThat(guest.must("iscsiadm -m node -T " + IQN + " -p " + PORTAL)).contains("node.startup = manual");
        String sum = guest.writeAndReadBack(v.target("pod") + "/data.bin", 16);
        long before = total(v.target("pod"));

        long grown = bytes + 128 * Targets.MIB;
        // The target re-makes the LUN to grow it: nothing may be in flight in that moment.
        guest.must("sync");
        node.servers.growLun(Targets.SCENARIOS, lunNumber, grown);
        var expanded = csi().nodeExpandVolume(v.expand(v.target("pod"), grown));

        assertThat(expanded.getCapacityBytes()).isEqualTo(grown);
        assertThat(guest.must("blockdev --getsize64 " + staged.source()).strip()).isEqualTo(Long.toString(grown));
        assertThat(total(v.target("pod"))).isGreaterThan(before + 100 * Targets.MIB);
        assertThat(guest.readBack(v.target("pod") + "/data.bin")).isEqualTo(sum);

        unpublish(v, "pod");
        unstage(v);
        unstage(v);
        assertNothingLeft(v);
        assertTargetGone();
    }

    @Test
    void c_rawBlockLunIsBoundOntoTheTargetFileAndGrows() {
        var v = lun("e2e:iscsi-block", 3, Requests.block(SINGLE_NODE_WRITER));

        stage(v);
        publish(v, "pod", false);

        String target = v.target("pod");
        assertThat(guest.run("[ -b " + target + " ]").ok()).as("a block device at the target").isTrue();
        assertThat(guest.must("blockdev --getsize64 " + target).strip()).isEqualTo(Long.toString(Targets.BLOCK_BYTES));
        assertThat(guest.run("/usr/sbin/blkid -p " + target).rc()).as("never formatted").isEqualTo(2);
        String sum = guest.writeAndReadBackDevice(target, 4);
        guest.must("sync");
        node.servers.growLun(Targets.SCENARIOS, 3, Targets.BLOCK_BYTES * 2);
        assertThat(csi().nodeExpandVolume(v.expand(target, Targets.BLOCK_BYTES * 2)).getCapacityBytes())
                .isEqualTo(Targets.BLOCK_BYTES * 2);
        assertThat(guest.must("blockdev --getsize64 " + target).strip()).isEqualTo(Long.toString(Targets.BLOCK_BYTES * 2));
        assertThat(guest.readBackDevice(target, 4)).isEqualTo(sum);

        unpublish(v, "pod");
        assertThat(guest.run("[ -e " + target + " ]").ok()).as("the target file is removed").isFalse();
        unstage(v);
        assertNothingLeft(v);
        assertTargetGone();
    }

    @Test
    void d_wrongChapSecretIsRejectedWithAClearErrorAndLeavesNothing() {
        assertTargetGone();
        var v = lun("e2e:iscsi-badchap", 1, Requests.mount("ext4", SINGLE_NODE_WRITER))
                .withSecrets(Map.of("node.session.auth.username", Servers.CHAP_USER,
                        "node.session.auth.password", "not-the-secret-1"));

        Status status = failure(() -> stage(v));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status.getDescription()).contains("CHAP").doesNotContain("not-the-secret-1");
        assertThat(node.pluginLog()).doesNotContain("not-the-secret-1").doesNotContain(Servers.CHAP_SECRET);
        assertNothingLeft(v);
        assertTargetGone();
    }

    @Test
    void e_twoVolumesOfOneTargetShareTheSessionUntilTheLastUnstage() {
        var ext4 = lun("e2e:iscsi-share-1", 1, Requests.mount("ext4", SINGLE_NODE_WRITER));
        var block = lun("e2e:iscsi-share-2", 3, Requests.block(SINGLE_NODE_WRITER));

        stage(ext4);
        stage(block);
        assertThat(guest.sessions()).filteredOn(s -> s.contains(IQN)).hasSize(1);

        unstage(ext4);
        assertThat(guest.sessions()).as("LUN 3 is still staged").filteredOn(s -> s.contains(IQN)).hasSize(1);
        assertThat(guest.at(ext4.staging())).isEmpty();

        unstage(block);
        assertNothingLeft(ext4);
        assertNothingLeft(block);
        assertTargetGone();
    }

    private long total(String path) {
        return Long.parseLong(guest.must("stat -f -c '%b %S' " + path).strip().split(" ")[0])
                * Long.parseLong(guest.must("stat -f -c '%S' " + path).strip());
    }
}
