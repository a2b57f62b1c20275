package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.block;
import static io.csi4j.bootstrap.driver.ControllerRequests.blockImage;
import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.mount;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.TopologyRequirement;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreateVolume and DeleteVolume of the built driver on the local backend (CSI §3.2, §3.3): sizes from capacity
 * ranges, placement by topology, the context nodes decode, idempotency by name, and deletion by id.
 */
class ControllerCreateVolumeIT {

    private static final long MAX = 1024 * MIB;
    private static final Topology ELSEWHERE = LocalDriver.topologyOf("some-other-node");

    @TempDir
    static Path dir;

    static LocalDriver driver;

    @BeforeAll
    static void start() throws Exception {
        driver = LocalDriver.in(dir).defaultSize("4Mi").maxVolumeSize("1Gi").start();
    }

    @AfterAll
    static void stop() throws Exception {
        driver.close();
    }

    private static Volume create(CreateVolumeRequest.Builder request) {
        return driver.controller().createVolume(request.build()).getVolume();
    }

    @Test
    void theRequiredSizeIsRoundedUpToWholeMebibytes() {
        assertThat(create(directory("round-1").setCapacityRange(range(1, 0))).getCapacityBytes()).isEqualTo(MIB);
        assertThat(create(directory("round-2").setCapacityRange(range(MIB + 1, 0))).getCapacityBytes())
                .isEqualTo(2 * MIB);
        assertThat(create(image("round-3").setCapacityRange(range(3 * MIB - 7, 0))).getCapacityBytes())
                .isEqualTo(3 * MIB);
    }

    @Test
    void withoutARangeTheVolumeGetsTheDefaultSizeAndALimitClipsIt() {
        assertThat(create(directory("default-size")).getCapacityBytes()).isEqualTo(4 * MIB);
        // CSI §3.2.2: a range naming neither bound is tolerated by CreateVolume as "no preference".
        assertThat(create(directory("zero-range").setCapacityRange(range(0, 0))).getCapacityBytes()).isEqualTo(4 * MIB);
        assertThat(create(directory("limit-only-small").setCapacityRange(range(0, 2 * MIB))).getCapacityBytes())
                .isEqualTo(2 * MIB);
        assertThat(create(directory("limit-only-large").setCapacityRange(range(0, 10 * MIB))).getCapacityBytes())
                .isEqualTo(4 * MIB);
    }

    @Test
    void anExactSizeIsHonouredOrOutOfRangeWithNothingCreated() throws Exception {
        Volume exact = create(image("exact").setCapacityRange(range(3 * MIB, 3 * MIB)));
        assertThat(exact.getCapacityBytes()).isEqualTo(3 * MIB);
        assertThat(Files.size(dataPath(exact))).as("image file size").isEqualTo(3 * MIB);

        var before = driver.state();
        // 3 MiB + 1 byte cannot be served: the next whole MiB overshoots the limit (CSI §3.2.2); nor can any
        // size below the 1 MiB minimum.
        Rpc.fails(Status.Code.OUT_OF_RANGE,
                () -> create(image("exact-odd").setCapacityRange(range(3 * MIB + 1, 3 * MIB + 1))));
        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> create(directory("below-minimum").setCapacityRange(range(0, 1000))));
        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void theMaximumSizeIsAcceptedAndOneByteMoreIsOutOfRange() throws Exception {
        assertThat(create(image("largest").setCapacityRange(range(MAX, 0))).getCapacityBytes()).isEqualTo(MAX);

        var before = driver.state();
        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> create(image("too-large").setCapacityRange(range(MAX + 1, 0))),
                "maximum");
        Rpc.fails(Status.Code.OUT_OF_RANGE,
                () -> create(directory("far-too-large").setCapacityRange(range(Long.MAX_VALUE, 0))));
        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void preferredAndRequisiteTopologiesPlaceTheVolumeOnTheBackendsNode() {
        Volume v = create(directory("placed").setAccessibilityRequirements(TopologyRequirement.newBuilder()
                .addRequisite(ELSEWHERE).addRequisite(driver.topology())
                .addPreferred(ELSEWHERE).addPreferred(driver.topology())));

        assertThat(v.getAccessibleTopologyList()).containsExactly(driver.topology());
        assertThat(create(directory("preferred-only").setAccessibilityRequirements(
                TopologyRequirement.newBuilder().addPreferred(driver.topology()))).getAccessibleTopologyList())
                .containsExactly(driver.topology());
    }

    @Test
    void anUnreachablePreferenceWithoutRequisiteFallsBackToTheBackendsNode() {
        // CSI §3.2.4: when no preferred topology works and none is requisite, the plugin picks any topology.
        CreateVolumeRequest.Builder request = directory("preferred-elsewhere")
                .setAccessibilityRequirements(TopologyRequirement.newBuilder().addPreferred(ELSEWHERE));
        Volume v = create(request);

        assertThat(v.getAccessibleTopologyList()).containsExactly(driver.topology());
        assertThat(create(request)).isEqualTo(v);
    }

    @Test
    void aRequisiteTopologyTheBackendCannotReachIsResourceExhaustedWithNothingCreated() throws Exception {
        var before = driver.state();

        Rpc.fails(Status.Code.RESOURCE_EXHAUSTED, () -> create(directory("elsewhere").setAccessibilityRequirements(
                TopologyRequirement.newBuilder().addRequisite(ELSEWHERE).addPreferred(ELSEWHERE))));

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void aDirectoryVolumeTellsNodesWhichDirectoryHoldsItsData() {
        Volume v = create(directory("dir-context"));

        assertThat(v.getVolumeContextMap()).containsEntry("csi4j.io/data", "local-directory");
        Path data = dataPath(v);
        assertThat(data).isDirectory().startsWith(driver.root().toAbsolutePath());
        assertThat(v.getAccessibleTopologyList()).containsExactly(driver.topology());
        assertThat(v.getVolumeId()).startsWith("local:").hasSizeLessThanOrEqualTo(128);
        assertThat(v.hasContentSource()).isFalse();
        // CSI §1.4: a map field holds at most 4 KiB of keys and values.
        assertThat(v.getVolumeContextMap().entrySet().stream()
                .mapToInt(e -> (e.getKey() + e.getValue()).getBytes(StandardCharsets.UTF_8).length)
                .sum()).isLessThanOrEqualTo(4096);
    }

    @Test
    void anImageVolumeIsASparseFileOfTheVolumesSizeWithItsFilesystemTypeInTheContext() throws Exception {
        Volume ext4 = create(image("img-context").setCapacityRange(range(8 * MIB, 0)));
        Volume xfs = create(CreateVolumeRequest.newBuilder().setName("img-xfs")
                .addVolumeCapabilities(mount("xfs", Mode.SINGLE_NODE_WRITER)).setCapacityRange(range(300 * MIB, 0)));
        Volume raw = create(blockImage("img-block").setCapacityRange(range(2 * MIB, 0)));

        assertThat(ext4.getVolumeContextMap()).containsEntry("csi4j.io/data", "local-image")
                .containsEntry("csi4j.io/fs-type", "ext4");
        assertThat(Files.size(dataPath(ext4))).isEqualTo(8 * MIB);
        assertThat(xfs.getVolumeContextMap()).containsEntry("csi4j.io/fs-type", "xfs");
        assertThat(xfs.getCapacityBytes()).isEqualTo(300 * MIB);
        assertThat(raw.getVolumeContextMap()).containsEntry("csi4j.io/data", "local-image");
        assertThat(Files.size(dataPath(raw))).isEqualTo(2 * MIB);
    }

    @Test
    void anXfsImageBelowTheXfsMinimumIsOutOfRange() throws Exception {
        var before = driver.state();

        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> create(CreateVolumeRequest.newBuilder().setName("tiny-xfs")
                .addVolumeCapabilities(mount("xfs", Mode.SINGLE_NODE_WRITER)).setCapacityRange(range(MIB, 16 * MIB))));

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void aRepeatedCreateReturnsTheSameVolume() {
        CreateVolumeRequest.Builder request = image("repeated").setCapacityRange(range(5 * MIB, 0))
                .setAccessibilityRequirements(TopologyRequirement.newBuilder().addRequisite(driver.topology()));
        Volume first = create(request);

        assertThat(create(request)).isEqualTo(first);
        // A range that admits the existing size is still the same request (CSI §3.2.1: "compatible"); so are
        // other secrets (rotated credentials) and naming the backend that the default already is.
        assertThat(create(request.clone().setCapacityRange(range(2 * MIB, 8 * MIB)))).isEqualTo(first);
        assertThat(create(request.clone().putSecrets("token", "rotated"))).isEqualTo(first);
        assertThat(create(request.clone().putParameters("csi4j.io/backend", LocalDriver.BACKEND))).isEqualTo(first);
        assertThat(driver.volumes()).filteredOn(v -> v.getVolumeId().equals(first.getVolumeId())).hasSize(1);
    }

    @Test
    void theSameNameWithAnIncompatibleRequestIsAlreadyExistsAndChangesNothing() throws Exception {
        create(directory("taken").setCapacityRange(range(4 * MIB, 0)));
        var before = driver.state();

        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> create(directory("taken").setCapacityRange(range(6 * MIB, 0))));
        Rpc.fails(Status.Code.ALREADY_EXISTS,
                () -> create(directory("taken").setCapacityRange(range(4 * MIB, 0)).putParameters("kind", "image")));
        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> create(directory("taken").setCapacityRange(range(4 * MIB, 0))
                .clearVolumeCapabilities().addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER))));
        Rpc.fails(Status.Code.ALREADY_EXISTS, () -> create(directory("taken").setCapacityRange(range(4 * MIB, 0))
                .setAccessibilityRequirements(TopologyRequirement.newBuilder().addRequisite(ELSEWHERE))));
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> create(directory("taken").setCapacityRange(range(4 * MIB, 0))
                .putParameters("csi4j.io/backend", "not-configured")), "csi4j.io/backend");

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void everyAccessModeIsServedOnTheBackendsNodeIncludingTheAdvertisedAlphaModes() {
        for (Mode mode : List.of(Mode.SINGLE_NODE_WRITER, Mode.SINGLE_NODE_READER_ONLY, Mode.MULTI_NODE_READER_ONLY,
                Mode.MULTI_NODE_SINGLE_WRITER, Mode.MULTI_NODE_MULTI_WRITER, Mode.SINGLE_NODE_SINGLE_WRITER,
                Mode.SINGLE_NODE_MULTI_WRITER)) {
            Volume v = create(CreateVolumeRequest.newBuilder().setName("mode-" + mode)
                    .addVolumeCapabilities(mount(mode)).addVolumeCapabilities(block(mode)));
            assertThat(v.getVolumeContextMap()).as("%s", mode).containsEntry("csi4j.io/data", "local-image");
        }
    }

    @Test
    void deleteRemovesTheVolumeFromDiskAndFromListingsAndARepeatIsOk() {
        Volume v = create(image("short-lived"));
        Path slot = dataPath(v).getParent();
        assertThat(slot).isDirectory();

        driver.controller().deleteVolume(deleteVolume(v.getVolumeId()));

        assertThat(slot).doesNotExist();
        assertThat(driver.volumes()).extracting(Volume::getVolumeId).doesNotContain(v.getVolumeId());
        assertThat(Rpc.code(() -> driver.controller().deleteVolume(deleteVolume(v.getVolumeId()))))
                .isEqualTo(Status.Code.OK);
    }

    @Test
    void deleteOfAnUnknownOrUnparsableIdIsOkAndRemovesNothing() throws Exception {
        create(directory("bystander"));
        var before = driver.state();

        for (String id : List.of("local:v1-aaaaaaaaaaaaaaaaaaaaaaaaaa-aaaaaaaa", "local:v1-s" + "a".repeat(26)
                + "-aaaaaaaa", "reallyfakevolumeid", "local:../../volumes", "local:v1-../../..", "other:volume",
                "local:/etc/passwd", ":", "local:")) {
            assertThat(Rpc.code(() -> driver.controller().deleteVolume(deleteVolume(id)))).as(id)
                    .isEqualTo(Status.Code.OK);
        }

        assertThat(driver.state()).isEqualTo(before);
    }

    @Test
    void aNameCreatedAgainAfterDeletionGetsANewIdThatTheOldIdCannotDelete() {
        Volume old = create(directory("reborn"));
        driver.controller().deleteVolume(deleteVolume(old.getVolumeId()));

        Volume reborn = create(directory("reborn"));
        driver.controller().deleteVolume(deleteVolume(old.getVolumeId()));

        assertThat(reborn.getVolumeId()).isNotEqualTo(old.getVolumeId());
        assertThat(dataPath(reborn)).isDirectory();
        assertThat(driver.volumes()).extracting(Volume::getVolumeId).contains(reborn.getVolumeId())
                .doesNotContain(old.getVolumeId());
    }
}
