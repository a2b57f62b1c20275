package io.csi4j.ports.service.node;

import static io.csi4j.ports.service.node.NodeScene.MIB;
import static io.csi4j.ports.service.node.NodeScene.ROX;
import static io.csi4j.ports.service.node.NodeScene.RWO;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NFS exports staged and published on the fake node: versions, read-only, repeats, dead servers, bad input. */
class NfsStagingTest {

    private static final String SOURCE = "10.0.0.5:/export/vol1";
    private static final DataPath.NfsExport EXPORT = new DataPath.NfsExport("10.0.0.5", "/export/vol1", List.of());

    private final NodeScene node = new NodeScene();

    @Test
    void anExportGoesThroughItsWholeLifecycleAndLeavesNothing() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("3", "4.0", "4.1", "4.2"));
        Path t1 = node.target("p1", "v1");
        Path t2 = node.target("p2", "v1");

        assertThat(node.stage("v1", EXPORT, RWO).isRight()).isTrue();
        assertThat(node.stage("v1", EXPORT, RWO).isRight()).as("repeat").isTrue();
        MountPoint staged = node.at(node.staging("v1")).orElseThrow();
        assertThat(staged.fsType()).isEqualTo("nfs4");
        assertThat(staged.source()).isEqualTo(SOURCE);
        assertThat(node.publish("v1", t1, RWO, false).isRight()).isTrue();
        assertThat(node.publish("v1", t2, RWO, true).isRight()).isTrue();
        assertThat(node.at(t2).orElseThrow().isReadOnly()).isTrue();
        assertThat(node.at(t1).orElseThrow().isReadOnly()).isFalse();
        assertThat(node.stats.stats("v1", t1.toString(), Optional.empty()).get().totalBytes()).isEqualTo(64 * MIB);
        assertThat(node.expand.expand("v1", t1.toString(), Optional.empty(),
                io.csi4j.domain.volume.CapacityRange.of(128 * MIB, 0).get(), Optional.empty()).get())
                .as("nothing to grow on the node: the share's size is the backend's").isEqualTo(128 * MIB);

        assertThat(node.unpublish.unpublish("v1", t1.toString()).isRight()).isTrue();
        assertThat(node.unpublish.unpublish("v1", t2.toString()).isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).as("repeat").isTrue();
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void withoutAVersionTheFallbackOrderIsTriedUntilTheServerAcceptsOne() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("3"));

        assertThat(node.stage("v1", EXPORT, RWO).isRight()).isTrue();

        assertThat(node.at(node.staging("v1")).orElseThrow().fsType()).as("v3 shows as nfs").isEqualTo("nfs");
    }

    @Test
    void aVersionInTheMountFlagsIsTheOnlyOneTried() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("3"));
        var cap = NodeScene.mount("", List.of("vers=4.1", "hard"), AccessMode.SINGLE_NODE_WRITER);

        Failure refused = node.stage("v1", EXPORT, cap).getLeft();

        assertThat(refused).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(refused.message()).contains("v4.1").doesNotContain("v3:").doesNotContain("v4.2");
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void theVolumeContextCanOverrideTheNodesOrder() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("3", "4.2"));

        assertThat(node.stage("v1", EXPORT, RWO, Secrets.NONE, Map.of(NfsVersions.CONTEXT_KEY, "3,4.2")).isRight())
                .isTrue();

        assertThat(node.at(node.staging("v1")).orElseThrow().fsType()).isEqualTo("nfs");
    }

    @Test
    void aReadOnlyAccessModeMountsReadOnlyAndAWritableRepeatIsAlreadyExists() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("4.2"));

        assertThat(node.stage("v1", EXPORT, ROX).isRight()).isTrue();

        assertThat(node.at(node.staging("v1")).orElseThrow().isReadOnly()).isTrue();
        assertThat(node.stage("v1", EXPORT, RWO).getLeft()).isInstanceOf(Failure.AlreadyExists.class);
        Path target = node.target("p1", "v1");
        assertThat(node.publish("v1", target, ROX, false).isRight()).isTrue();
        assertThat(node.at(target).orElseThrow().isReadOnly()).isTrue();
    }

    @Test
    void aServerThatDoesNotAnswerIsTriedOnceNotOncePerVersion() {
        Failure failure = node.stage("v1", EXPORT, RWO).getLeft();

        assertThat(failure).isInstanceOf(Failure.Unavailable.class);
        assertThat(failure.message()).contains("v4.2").doesNotContain("v4.1");
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.exists(node.staging("v1").resolve(".csi4j-stage"))).as("nothing left in the CO's directory")
                .isFalse();
    }

    @Test
    void unstageOfAVolumeWhoseServerDiedStillUnmountsIt() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("4.2"));
        Path target = node.target("p1", "v1");
        node.stage("v1", EXPORT, RWO);
        node.publish("v1", target, RWO, false);
        node.fake.killShare(SOURCE);

        assertThat(node.stats.stats("v1", target.toString(), Optional.empty()).get().condition().abnormal()).isTrue();
        assertThat(node.unpublish.unpublish("v1", target.toString()).isRight()).isTrue();
        assertThat(node.unstage("v1").isRight()).isTrue();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void anExportCannotBeABlockDeviceAndBadAddressesAreRefused() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("4.2"));

        assertThat(node.stage("v1", EXPORT, NodeScene.BLOCK).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);
        assertThat(node.stage("v1", new DataPath.NfsExport("-o bind", "/x", List.of()), RWO).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.NfsExport("10.0.0.5", "relative", List.of()), RWO).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", new DataPath.NfsExport("10.0.0.5", "/export/vol1", List.of("bind")), RWO)
                .getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.stage("v1", EXPORT, NodeScene.mount("", List.of("vers=5"), AccessMode.SINGLE_NODE_WRITER))
                .getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void anotherExportAtTheStagingPathIsAlreadyExists() {
        node.fake.addNfsExport(SOURCE, 64 * MIB, Set.of("4.2"));
        node.fake.addNfsExport("10.0.0.5:/export/vol2", 64 * MIB, Set.of("4.2"));
        node.stage("v1", EXPORT, RWO);

        assertThat(node.stage("v1", new DataPath.NfsExport("10.0.0.5", "/export/vol2", List.of()), RWO).getLeft())
                .isInstanceOf(Failure.AlreadyExists.class);
        assertThat(node.ourMounts()).hasSize(1);
    }
}
