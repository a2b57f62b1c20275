package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.blockImage;
import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromSnapshot;
import static io.csi4j.bootstrap.driver.ControllerRequests.fromVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.mount;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.snapshot;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.Snapshot;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreateVolume from a snapshot and from another volume on the built driver (CSI §3.2.3): the data really is
 * copied — a marker file written into a directory volume on disk, bytes written into an image file — at the
 * requested size or larger, never smaller, with the source echoed in the response.
 */
class ControllerContentSourceIT {

    private static final String MARKER = "marker.txt";
    private static final byte[] HEAD = "first block of the image".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "last megabyte of the image".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    static LocalDriver driver;
    static Volume dirSource;
    static Snapshot dirSnapshot;
    static Volume imageSource;
    static Snapshot imageSnapshot;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).maxVolumeSize("64Mi").start();
        dirSource = create(directory("dir-source").setCapacityRange(range(4 * MIB, 0)));
        Files.writeString(dataPath(dirSource).resolve(MARKER), "taken before the snapshot");
        Files.createDirectories(dataPath(dirSource).resolve("nested/deeper"));
        Files.writeString(dataPath(dirSource).resolve("nested/deeper/file"), "nested content");
        dirSnapshot = driver.controller().createSnapshot(snapshot("dir-snap", dirSource.getVolumeId())).getSnapshot();
        // Written after the cut: restores of the snapshot must not see it, clones of the volume must.
        Files.writeString(dataPath(dirSource).resolve(MARKER), "written after the snapshot");

        imageSource = create(blockImage("image-source").setCapacityRange(range(4 * MIB, 0)));
        writeAt(dataPath(imageSource), 0, HEAD);
        writeAt(dataPath(imageSource), 3 * MIB, TAIL);
        imageSnapshot = driver.controller().createSnapshot(snapshot("image-snap", imageSource.getVolumeId()))
                .getSnapshot();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    private static Volume create(CreateVolumeRequest.Builder request) {
        return driver.controller().createVolume(request.build()).getVolume();
    }

    @Test
    void aDirectoryRestoredFromASnapshotHoldsTheDataAsItWasAtTheSnapshot() throws Exception {
        Volume restored = create(directory("dir-restored")
                .setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId())));

        assertThat(Files.readString(dataPath(restored).resolve(MARKER))).isEqualTo("taken before the snapshot");
        assertThat(Files.readString(dataPath(restored).resolve("nested/deeper/file"))).isEqualTo("nested content");
        assertThat(restored.getCapacityBytes()).as("no range: the source's size").isEqualTo(4 * MIB);
        assertThat(restored.getContentSource()).isEqualTo(fromSnapshot(dirSnapshot.getSnapshotId()));
        assertThat(create(directory("dir-restored").setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId()))))
                .as("repeat").isEqualTo(restored);
    }

    @Test
    void aRestoredVolumeIsAnIndependentCopy() throws Exception {
        Volume restored = create(directory("dir-independent")
                .setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId())));
        Files.writeString(dataPath(restored).resolve(MARKER), "changed in the restored volume");

        Volume again = create(directory("dir-independent-2")
                .setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId())));

        assertThat(Files.readString(dataPath(again).resolve(MARKER))).isEqualTo("taken before the snapshot");
    }

    @Test
    void aDirectoryCloneHoldsTheSourcesCurrentDataAtALargerSize() throws Exception {
        Volume clone = create(directory("dir-clone").setCapacityRange(range(6 * MIB, 0))
                .setVolumeContentSource(fromVolume(dirSource.getVolumeId())));

        assertThat(Files.readString(dataPath(clone).resolve(MARKER))).isEqualTo("written after the snapshot");
        assertThat(clone.getCapacityBytes()).isEqualTo(6 * MIB);
        assertThat(clone.getContentSource()).isEqualTo(fromVolume(dirSource.getVolumeId()));
    }

    @Test
    void anImageRestoredToALargerSizeHoldsTheSnapshotsBytesAndTheNewSize() throws Exception {
        Volume restored = create(blockImage("image-restored").setCapacityRange(range(10 * MIB, 0))
                .setVolumeContentSource(fromSnapshot(imageSnapshot.getSnapshotId())));

        Path file = dataPath(restored);
        assertThat(restored.getCapacityBytes()).isEqualTo(10 * MIB);
        assertThat(Files.size(file)).isEqualTo(10 * MIB);
        assertThat(readAt(file, 0, HEAD.length)).isEqualTo(HEAD);
        assertThat(readAt(file, 3 * MIB, TAIL.length)).isEqualTo(TAIL);
        assertThat(readAt(file, 5 * MIB, 16)).as("the grown part is blank").isEqualTo(new byte[16]);
        assertThat(restored.getContentSource()).isEqualTo(fromSnapshot(imageSnapshot.getSnapshotId()));
    }

    @Test
    void anImageCloneHoldsTheSourcesBytes() throws Exception {
        Volume clone = create(blockImage("image-clone").setVolumeContentSource(fromVolume(imageSource.getVolumeId())));

        assertThat(clone.getCapacityBytes()).isEqualTo(4 * MIB);
        assertThat(readAt(dataPath(clone), 0, HEAD.length)).isEqualTo(HEAD);
        assertThat(readAt(dataPath(clone), 3 * MIB, TAIL.length)).isEqualTo(TAIL);
        assertThat(dataPath(clone)).isNotEqualTo(dataPath(imageSource));
    }

    @Test
    void aVolumeSmallerThanItsSourceIsOutOfRangeAndNothingIsCreated() throws Exception {
        var before = driver.state();

        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> create(directory("too-small-restore")
                .setCapacityRange(range(MIB, 2 * MIB))
                .setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId()))));
        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> create(blockImage("too-small-clone")
                .setCapacityRange(range(2 * MIB, 2 * MIB))
                .setVolumeContentSource(fromVolume(imageSource.getVolumeId()))));

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void anUnknownSourceIsNotFoundAndNothingIsCreated() throws Exception {
        var before = driver.state();

        for (String id : new String[] {"local:v1-s" + "a".repeat(26) + "-aaaaaaaa", "reallyfakesnapshotid",
                "local:../../snapshots", dirSource.getVolumeId()}) {
            Rpc.fails(Status.Code.NOT_FOUND, () -> create(directory("from-nowhere")
                    .setVolumeContentSource(fromSnapshot(id))));
        }
        for (String id : new String[] {"local:v1-" + "a".repeat(26) + "-aaaaaaaa", "reallyfakevolumeid",
                dirSnapshot.getSnapshotId()}) {
            Rpc.fails(Status.Code.NOT_FOUND, () -> create(directory("from-nowhere")
                    .setVolumeContentSource(fromVolume(id))));
        }

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void aSourceOfAnotherKindThanTheParametersAskForIsInvalidAndNothingIsCreated() throws Exception {
        var before = driver.state();

        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> create(image("image-from-dir")
                .setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId()))), "directory");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> create(directory("dir-from-image")
                .putParameters("kind", "directory").setVolumeContentSource(fromVolume(imageSource.getVolumeId()))));
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> create(CreateVolumeRequest.newBuilder().setName("xfs-from-ext4")
                .addVolumeCapabilities(mount("xfs", Mode.SINGLE_NODE_WRITER))
                .setVolumeContentSource(fromSnapshot(imageSnapshot.getSnapshotId()))), "xfs");

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void theSameNameFromAnotherSourceIsAlreadyExists() throws Exception {
        create(directory("sourced-once").setVolumeContentSource(fromSnapshot(dirSnapshot.getSnapshotId())));
        var before = driver.state();

        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> create(directory("sourced-once")
                .setVolumeContentSource(fromVolume(dirSource.getVolumeId()))));
        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> create(directory("sourced-once")));

        assertThat(driver.state()).isEqualTo(before);
    }

    private static void writeAt(Path file, long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            f.write(bytes);
            f.getFD().sync();
        }
    }

    private static byte[] readAt(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] out = new byte[length];
            f.seek(offset);
            f.readFully(out);
            return Arrays.copyOf(out, length);
        }
    }
}
