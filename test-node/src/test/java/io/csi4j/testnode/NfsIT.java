package io.csi4j.testnode;

import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER;
import static io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode.MULTI_NODE_READER_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.VolumeUsage;
import io.csi4j.domain.datapath.DataPath;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NFS exports staged by the plugin in the guest: v4.2 and v3, the version order, read-only, locks, leaks. */
class NfsIT extends Scenario {

    NfsIT(TestNode node) {
        super(node);
    }

    /** A directory of the server's export, as a volume: the same path serves v3 and v4. */
    private DataPath.NfsExport export(String name) throws IOException {
        Path dir = node.servers.nfsExport().resolve(name);
        Files.createDirectories(dir);
        return new DataPath.NfsExport(Servers.ADDRESS, dir.toString(), List.of());
    }

    @Test
    void anNfsV42ExportIsPublishedReadWriteAndReadOnlyAndLeavesNothing() throws IOException {
        var v = Requests.of("e2e:nfs42", Requests.mount("", MULTI_NODE_MULTI_WRITER, "nfsvers=4.2"), export("nfs42"));

        stage(v);
        stage(v);
        publish(v, "pod-rw", false);
        publish(v, "pod-ro", true);

        Guest.Mount staged = guest.at(v.staging()).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("nfs4");
        assertThat(staged.hasOption("vers=4.2")).as(staged.toString()).isTrue();
        assertThat(staged.source()).isEqualTo(Servers.ADDRESS + ":" + node.servers.nfsExport().resolve("nfs42"));
        assertThat(guest.under(v.staging())).as("one mount, however often staged").hasSize(1);
        String sum = guest.writeAndReadBack(v.target("pod-rw") + "/data.bin", 8);
        assertThat(guest.readBack(v.target("pod-ro") + "/data.bin")).isEqualTo(sum);
        assertThat(Files.size(node.servers.nfsExport().resolve("nfs42/data.bin"))).isEqualTo(8L << 20);
        assertThat(guest.at(v.target("pod-ro")).orElseThrow().readOnly()).isTrue();
        assertThat(guest.run("touch " + v.target("pod-ro") + "/denied").output()).contains("Read-only file system");
        assertThat(guest.run("flock -w 5 " + v.target("pod-rw") + "/lock -c true").ok()).as("v4 locks").isTrue();
        var usage = csi().nodeGetVolumeStats(v.stats(v.target("pod-rw")));
        assertThat(usage.getUsageList()).anySatisfy(u -> assertThat(u.getUnit()).isEqualTo(VolumeUsage.Unit.BYTES));
        assertThat(usage.getVolumeCondition().getAbnormal()).isFalse();

        unpublish(v, "pod-rw");
        unpublish(v, "pod-ro");
        unstage(v);
        unstage(v);
        assertNothingLeft(v);
    }

    @Test
    void anNfsV3ExportLocksThroughNlmAndTakesNolockOnlyWhenAsked() throws IOException {
        var locking = Requests.of("e2e:nfs3", Requests.mount("", MULTI_NODE_MULTI_WRITER, "vers=3"), export("nfs3"));
        var nolock = Requests.of("e2e:nfs3-nolock", Requests.mount("", MULTI_NODE_MULTI_WRITER, "vers=3", "nolock"),
                export("nfs3-nolock"));

        stage(locking);
        stage(nolock);
        publish(locking, "pod", false);

        Guest.Mount v3 = guest.at(locking.staging()).orElseThrow();
        assertThat(v3.fsType()).isEqualTo("nfs");
        assertThat(v3.hasOption("vers=3")).isTrue();
        assertThat(v3.hasOption("nolock")).isFalse();
        assertThat(guest.at(nolock.staging()).orElseThrow().hasOption("nolock")).isTrue();
        assertThat(guest.run("flock -w 10 " + locking.target("pod") + "/lock -c true").ok()).as("NLM lock").isTrue();
        guest.writeAndReadBack(locking.target("pod") + "/data.bin", 4);

        unpublish(locking, "pod");
        unstage(locking);
        unstage(nolock);
        assertNothingLeft(locking);
        assertNothingLeft(nolock);
    }

    @Test
    void withoutAVersionTheNodesOrderDecidesAndTheVolumeContextCanOverrideIt() throws IOException {
        var configured = Requests.of("e2e:nfs-order", Requests.mount("", MULTI_NODE_MULTI_WRITER), export("order"));
        var overridden = Requests.of("e2e:nfs-context", Requests.mount("", MULTI_NODE_MULTI_WRITER), export("context"))
                .withContext(Map.of("csi4j.io/nfs-versions", "3"));
        var nolockOnV4 = Requests.of("e2e:nfs-v4-nolock", Requests.mount("", MULTI_NODE_MULTI_WRITER, "nolock"),
                export("v4-nolock"));

        stage(configured);
        stage(overridden);
        stage(nolockOnV4);

        assertThat(TestNode.NFS_VERSIONS).startsWith("4.1,");
        assertThat(guest.at(configured.staging()).orElseThrow().hasOption("vers=4.1")).isTrue();
        assertThat(guest.at(overridden.staging()).orElseThrow().fsType()).isEqualTo("nfs");
        assertThat(guest.at(nolockOnV4.staging()).orElseThrow().hasOption("nolock")).as("nolock is for v3 only")
                .isFalse();

        for (var v : List.of(configured, overridden, nolockOnV4)) {
            unstage(v);
            assertNothingLeft(v);
        }
    }

    @Test
    void aReaderOnlyVolumeIsStagedReadOnly() throws IOException {
        var v = Requests.of("e2e:nfs-rox", Requests.mount("", MULTI_NODE_READER_ONLY), export("rox"));
        Files.writeString(node.servers.nfsExport().resolve("rox/hello.txt"), "hello\n");

        stage(v);
        publish(v, "pod", false);

        assertThat(guest.at(v.staging()).orElseThrow().readOnly()).isTrue();
        assertThat(guest.at(v.target("pod")).orElseThrow().readOnly()).isTrue();
        assertThat(guest.must("cat " + v.target("pod") + "/hello.txt")).isEqualTo("hello\n");

        unpublish(v, "pod");
        unstage(v);
        assertNothingLeft(v);
    }

    @Test
    void anExportTheServerDoesNotHaveFailsClearlyAndMountsNothing() {
        var v = Requests.of("e2e:nfs-missing", Requests.mount("", MULTI_NODE_MULTI_WRITER),
                new DataPath.NfsExport(Servers.ADDRESS, "/no/such/export", List.of()));

        Status status = failure(() -> stage(v));

        assertThat(status.getCode()).isIn(Status.Code.NOT_FOUND, Status.Code.FAILED_PRECONDITION,
                Status.Code.PERMISSION_DENIED);
        assertThat(status.getDescription()).contains("/no/such/export");
        assertNothingLeft(v);
    }
}
