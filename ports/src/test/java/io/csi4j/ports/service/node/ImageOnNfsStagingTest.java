package io.csi4j.ports.service.node;

import static io.csi4j.ports.service.node.NodeScene.BLOCK;
import static io.csi4j.ports.service.node.NodeScene.MIB;
import static io.csi4j.ports.service.node.NodeScene.RWO;
import static io.csi4j.ports.service.node.NodeScene.SHARES;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.CapacityRange;
import io.csi4j.ports.out.host.MountPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Images on an NFS share: the share mounted once per node, released by the last unstage. */
class ImageOnNfsStagingTest {

    private static final String SOURCE = "10.0.0.7:/backing";

    private final NodeScene node = new NodeScene();

    ImageOnNfsStagingTest() {
        node.fake.addNfsExport(SOURCE, 4096 * MIB, Set.of("3", "4.2"));
        node.fake.addFileToShare(SOURCE, "vols/a.img", 128 * MIB);
        node.fake.addFileToShare(SOURCE, "vols/b.img", 128 * MIB);
    }

    private static DataPath.ImageOnNfs image(String file) {
        return new DataPath.ImageOnNfs("10.0.0.7", "/backing", List.of(), file);
    }

    private List<MountPoint> shareMounts() {
        return node.mounts().stream().filter(m -> m.target().startsWith(SHARES)).toList();
    }

    @Test
    void twoVolumesShareOneMountWhichTheLastUnstageReleases() {
        assertThat(node.stage("a", image("vols/a.img"), RWO).isRight()).isTrue();
        assertThat(node.stage("b", image("vols/b.img"), BLOCK).isRight()).isTrue();
        assertThat(node.stage("a", image("vols/a.img"), RWO).isRight()).as("repeat").isTrue();
        assertThat(shareMounts()).singleElement().satisfies(m -> assertThat(m.source()).isEqualTo(SOURCE));
        assertThat(node.fake.loopDevices().list().get()).hasSize(2);
        assertThat(node.at(node.staging("a")).orElseThrow().fsType()).as("a blank image is formatted").isEqualTo("ext4");

        assertThat(node.unstage("a").isRight()).isTrue();
        assertThat(shareMounts()).as("b still uses the share").hasSize(1);
        assertThat(node.unstage("b").isRight()).isTrue();
        assertThat(shareMounts()).isEmpty();
        assertThat(node.fake.loopDevices().list().get()).isEmpty();
        assertThat(node.ourMounts()).isEmpty();
        assertThat(node.fake.exists(SHARES.resolve(ImageOnNfsStager.shareName(SOURCE, List.of()))))
                .as("the mount point is removed").isFalse();
    }

    @Test
    void aGrownImageGrowsOnlineThroughItsLoopDevice() {
        Path target = node.target("p1", "a");
        node.stage("a", image("vols/a.img"), RWO);
        node.publish("a", target, RWO, false);
        long before = node.stats.stats("a", target.toString(), Optional.empty()).get().totalBytes();

        Path file = SHARES.resolve(ImageOnNfsStager.shareName(SOURCE, List.of())).resolve("vols/a.img");
        node.fake.resizeImage(file, 192 * MIB);
        assertThat(node.expand.expand("a", target.toString(), Optional.empty(), CapacityRange.of(192 * MIB, 0).get(),
                Optional.of(RWO)).get()).isEqualTo(192 * MIB);

        assertThat(node.stats.stats("a", target.toString(), Optional.empty()).get().totalBytes()).isGreaterThan(before);
    }

    @Test
    void aRefusedStageDetachesTheImageReleasesTheShareAndLeavesNoRecord() {
        assertThat(node.stage("a", image("vols/a.img"), NodeScene.mount("ext4", List.of(),
                io.csi4j.domain.volume.AccessMode.SINGLE_NODE_WRITER)).isRight()).isTrue();
        assertThat(node.unstage("a").isRight()).isTrue();

        var xfs = NodeScene.mount("xfs", List.of(), io.csi4j.domain.volume.AccessMode.SINGLE_NODE_WRITER);
        assertThat(node.stage("a", image("vols/a.img"), xfs).getLeft()).isInstanceOf(Failure.FailedPrecondition.class);

        assertThat(node.fake.loopDevices().list().get()).isEmpty();
        assertThat(shareMounts()).isEmpty();
        assertThat(node.fake.exists(node.staging("a").resolve(".csi4j-stage"))).isFalse();
    }

    @Test
    void aMissingImageIsNotFoundAndLeavesTheShareUnmounted() {
        assertThat(node.stage("a", image("vols/missing.img"), RWO).getLeft()).isInstanceOf(Failure.NotFound.class);

        assertThat(shareMounts()).isEmpty();
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void imagePathsLeavingTheShareAreRefusedBeforeAnythingIsMounted() {
        for (String bad : List.of("/etc/passwd", "../other/x.img", "vols/../../x.img", "")) {
            assertThat(node.stage("a", image(bad), RWO).getLeft()).as(bad).isInstanceOf(Failure.InvalidArgument.class);
        }
        assertThat(node.ourMounts()).isEmpty();
    }

    @Test
    void anUnreachableShareIsUnavailable() {
        var elsewhere = new DataPath.ImageOnNfs("10.0.0.8", "/backing", List.of(), "vols/a.img");

        assertThat(node.stage("a", elsewhere, RWO).getLeft()).isInstanceOf(Failure.Unavailable.class);
        assertThat(node.ourMounts()).isEmpty();
    }
}
