package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.NodeExpandVolumeRequest;
import io.csi4j.csi.v1.NodeGetVolumeStatsRequest;
import io.csi4j.csi.v1.NodePublishVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.NodeUnpublishVolumeRequest;
import io.csi4j.csi.v1.NodeUnstageVolumeRequest;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and mistaken node requests over the real socket: paths outside the allowed roots (absolute, through
 * {@code ..}, through symbolic links), NUL in paths, volumes of unknown backends, contexts that do not say where
 * the data is, capabilities the volume cannot serve, publish before stage and mount flags that would change what
 * is mounted. Each gets its code and leaves nothing mounted, attached or created — inside the roots or out.
 */
class NodeBadInputIT extends NodeDriverBase {

    private static final VolumeCapability DIR_CAP = NodeVolumeKind.DIRECTORY.capability();
    private static final VolumeCapability EXT4_CAP = NodeVolumeKind.EXT4.capability();

    private Volume directory;
    private Volume image;
    private Path outside;

    @BeforeAll
    void createVolumes() throws IOException {
        directory = bed.createVolume("pv-bad-dir", NodeVolumeKind.DIRECTORY.parameters(), DIR_CAP,
                NodeVolumeKind.DIRECTORY.bytes());
        image = bed.createVolume("pv-bad-ext4", NodeVolumeKind.EXT4.parameters(), EXT4_CAP, NodeVolumeKind.EXT4.bytes());
        // Outside every allowed root, but inside the test's own directory, so the test can look and clean up.
        outside = Files.createDirectories(bed.dir().resolve("outside"));
    }

    /** Nothing mounted or attached is checked after every test by the base class; this checks what was created. */
    @AfterEach
    void nothingCreatedOutside() throws IOException {
        try (var left = Files.list(outside)) {
            assertThat(left.map(Path::getFileName).map(Path::toString))
                    .as("nothing created outside the roots").containsOnly("mount", "staging");
        }
        assertThat(Path.of("/etc/csi4j-node-it")).doesNotExist();
    }

    @Test
    void pathsOutsideTheAllowedRootsAreInvalidArguments() throws IOException {
        Path staging = bed.stagingDir("pv-bad-dir");
        Path kubelet = bed.kubelet();
        Files.createDirectories(outside.resolve("mount"));
        Files.createDirectories(outside.resolve("staging"));
        Path linkedPod = Files.createSymbolicLink(Files.createDirectories(kubelet.resolve("pods/evil-pod/volumes"))
                .resolve("kubernetes.io~csi"), outside);
        Path linkedStaging = Files.createSymbolicLink(Files.createDirectories(kubelet.resolve("plugins/evil"))
                .resolve("globalmount"), outside.resolve("staging"));
        List<String> escapes = List.of("/etc", "/etc/csi4j-node-it", kubelet + "/../../../etc/csi4j-node-it",
                kubelet + "/pods/./x/../../../../etc/csi4j-node-it", outside.toString(), "/",
                linkedPod.resolve("mount").toString(), linkedStaging.toString());

        for (String path : escapes) {
            invalid(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(directory, Path.of(path), DIR_CAP)));
            invalid(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(directory, Path.of(path))));
            invalid(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(directory, staging, Path.of(path),
                    DIR_CAP, false)));
            invalid(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(directory, Path.of(path))));
            invalid(() -> bed.csi().node().nodeGetVolumeStats(NodeRequests.stats(directory, Path.of(path), staging)));
            invalid(() -> bed.csi().node().nodeExpandVolume(NodeRequests.expand(directory, Path.of(path), staging,
                    DIR_CAP, NodeVolumeKind.DIRECTORY.bytes())));
        }
        assertThat(outside.resolve("mount")).as("unpublish through a link did not remove a directory outside")
                .isDirectory();
        assertThat(outside.resolve("staging")).isDirectory();
        Files.delete(linkedPod);
        Files.delete(linkedStaging);
    }

    @Test
    void nulInAPathIsAnInvalidArgument() throws IOException {
        Path staging = bed.stagingDir("pv-bad-dir");
        String nul = staging + "\0/../../../../etc";
        invalid(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(directory,
                staging, DIR_CAP)).setStagingTargetPath(nul).build()));
        invalid(() -> bed.csi().node().nodeUnstageVolume(NodeUnstageVolumeRequest.newBuilder()
                .setVolumeId(directory.getVolumeId()).setStagingTargetPath(nul).build()));
        invalid(() -> bed.csi().node().nodePublishVolume(NodePublishVolumeRequest.newBuilder(NodeRequests.publish(
                directory, staging, staging, DIR_CAP, false)).setTargetPath(nul).build()));
        Path target = bed.target("pv-bad-dir", "pod-1");
        invalid(() -> bed.csi().node().nodePublishVolume(NodePublishVolumeRequest.newBuilder(NodeRequests.publish(
                directory, staging, target, DIR_CAP, false)).setStagingTargetPath(nul).build()));
        invalid(() -> bed.csi().node().nodeUnpublishVolume(NodeUnpublishVolumeRequest.newBuilder()
                .setVolumeId(directory.getVolumeId()).setTargetPath(nul).build()));
        invalid(() -> bed.csi().node().nodeGetVolumeStats(NodeGetVolumeStatsRequest.newBuilder()
                .setVolumeId(directory.getVolumeId()).setVolumePath(nul).build()));
        invalid(() -> bed.csi().node().nodeExpandVolume(NodeExpandVolumeRequest.newBuilder()
                .setVolumeId(directory.getVolumeId()).setVolumePath(nul).build()));
    }

    @Test
    void volumesOfUnknownBackendsAreNotFound() throws IOException {
        // The real volume is staged and published: a request naming an unknown volume must not reach it.
        Path staging = bed.stagingDir("pv-bad-ext4");
        Path target = bed.target("pv-bad-ext4", "pod-1");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging, EXT4_CAP)));
        bed.ok(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(image, staging, target, EXT4_CAP, false)));
        var staged = bed.state();
        Volume unknown = Volume.newBuilder(image).setVolumeId("nope:" + image.getVolumeId().substring("local:".length()))
                .build();
        Path otherStaging = bed.stagingDir("pv-nope");
        Path otherTarget = bed.target("pv-nope", "pod-1");

        notFound(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(unknown, otherStaging, EXT4_CAP)));
        notFound(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(unknown, staging, otherTarget, EXT4_CAP,
                false)));
        notFound(() -> bed.csi().node().nodeGetVolumeStats(NodeRequests.stats(unknown, target, staging)));
        notFound(() -> bed.csi().node().nodeExpandVolume(NodeRequests.expand(unknown, target, staging, EXT4_CAP,
                NodeVolumeKind.EXT4.bytes())));
        // CSI §4.3/§4.5: nothing of that volume at the path, so there is nothing to undo.
        assertThat(NodeTestbed.code(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(unknown,
                otherTarget)))).isEqualTo(Status.Code.OK);
        assertThat(NodeTestbed.code(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(unknown,
                otherStaging)))).isEqualTo(Status.Code.OK);
        assertThat(bed.state()).isEqualTo(staged);
        assertThat(otherTarget).doesNotExist();

        bed.ok(() -> bed.csi().node().nodeUnpublishVolume(NodeRequests.unpublish(image, target)));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(image, staging)));
    }

    @Test
    void aContextThatDoesNotSayWhereTheDataIsIsRefused() throws IOException {
        Path staging = bed.stagingDir("pv-bad-ext4");
        Map<String, String> context = image.getVolumeContextMap();
        invalid(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(image, staging,
                EXT4_CAP)).clearVolumeContext().build()));
        invalid(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(image, staging,
                EXT4_CAP)).clearVolumeContext().putVolumeContext("csi4j.io/data", "local-image").build()));
        invalid(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(image, staging,
                EXT4_CAP)).putVolumeContext("csi4j.io/data", "teleport").build()));
        for (String path : List.of("/etc/passwd", bed.localRoot() + "/../../../etc/passwd", outside.toString(),
                bed.kubelet().toString(), "relative/image")) {
            invalid(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(image,
                    staging, EXT4_CAP)).putVolumeContext("csi4j.io/path", path).build()));
        }
        String missing = bed.localRoot().resolve("volumes/missing/data").toString();
        notFound(() -> bed.csi().node().nodeStageVolume(NodeStageVolumeRequest.newBuilder(NodeRequests.stage(image,
                staging, EXT4_CAP)).putVolumeContext("csi4j.io/path", missing).build()));
        assertThat(context).containsKey("csi4j.io/path");
    }

    @Test
    void capabilitiesTheVolumeCannotServeAreFailedPreconditions() throws IOException {
        Path dirStaging = bed.stagingDir("pv-bad-dir");
        Path blockStaging = bed.blockStagingDir("pv-bad-dir");
        precondition(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(directory, blockStaging,
                NodeRequests.block(Mode.SINGLE_NODE_WRITER))));
        // The image was formatted ext4 by an earlier stage (or is now): it is never reformatted as something else.
        Path staging = bed.stagingDir("pv-bad-ext4");
        bed.ok(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging, EXT4_CAP)));
        bed.ok(() -> bed.csi().node().nodeUnstageVolume(NodeRequests.unstage(image, staging)));
        precondition(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging,
                NodeRequests.mount("xfs", Mode.SINGLE_NODE_WRITER))));
        precondition(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging,
                NodeRequests.mount("vfat", Mode.SINGLE_NODE_WRITER))));
        assertThat(dirStaging).isEmptyDirectory();
        assertThat(blockStaging).isEmptyDirectory();
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void publishingWhatIsNotStagedIsAFailedPrecondition() throws IOException {
        Path staging = bed.stagingDir("pv-bad-dir");
        Path target = bed.target("pv-bad-dir", "pod-1");
        precondition(() -> bed.csi().node().nodePublishVolume(NodeRequests.publish(directory, staging, target, DIR_CAP,
                false)));
        precondition(() -> bed.csi().node().nodePublishVolume(NodePublishVolumeRequest.newBuilder(NodeRequests.publish(
                directory, staging, target, DIR_CAP, false)).clearStagingTargetPath().build()));
        assertThat(target).doesNotExist();
    }

    @Test
    void mountFlagsThatChangeWhatIsMountedAndGroupNamesAreInvalidArguments() throws IOException {
        Path staging = bed.stagingDir("pv-bad-flags");
        for (List<String> flags : List.of(List.of("bind"), List.of("x-mount.mkdir"), List.of("remount"),
                List.of("noatime", "ro,bind"), List.of("loop"), List.of("X-mount.mkdir=0755"), List.of("rbind"))) {
            var hostile = NodeRequests.mount("ext4", Mode.SINGLE_NODE_WRITER, flags, "");
            invalid(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging, hostile)));
            invalid(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(directory, staging, hostile)));
            assertThat(NodeHostState.loopsUnder(bed.localRoot())).as("no loop device left for " + flags).isEmpty();
        }
        invalid(() -> bed.csi().node().nodeStageVolume(NodeRequests.stage(image, staging,
                NodeRequests.mount("ext4", Mode.SINGLE_NODE_WRITER, List.of(), "wheel"))));
        assertThat(staging).isEmptyDirectory();
    }

    private void invalid(Supplier<?> call) {
        expect(call, Status.Code.INVALID_ARGUMENT);
    }

    private void notFound(Supplier<?> call) {
        expect(call, Status.Code.NOT_FOUND);
    }

    private void precondition(Supplier<?> call) {
        expect(call, Status.Code.FAILED_PRECONDITION);
    }

    private void expect(Supplier<?> call, Status.Code code) {
        Status status = NodeTestbed.status(call);
        assertThat(status.getCode()).as(status.toString()).isEqualTo(code);
        assertThat(status.getDescription()).as("a readable message").isNotBlank();
    }
}
