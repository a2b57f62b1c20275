package io.csi4j.bootstrap.driver;

import static io.csi4j.bootstrap.driver.ControllerRequests.block;
import static io.csi4j.bootstrap.driver.ControllerRequests.dataPath;
import static io.csi4j.bootstrap.driver.ControllerRequests.deleteVolume;
import static io.csi4j.bootstrap.driver.ControllerRequests.directory;
import static io.csi4j.bootstrap.driver.ControllerRequests.image;
import static io.csi4j.bootstrap.driver.ControllerRequests.range;
import static io.csi4j.bootstrap.driver.ControllerRequests.rwo;
import static io.csi4j.bootstrap.driver.LocalDriver.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.csi.v1.GetCapacityRequest;
import io.csi4j.csi.v1.GetCapacityResponse;
import io.csi4j.csi.v1.Topology;
import io.csi4j.csi.v1.Volume;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import io.grpc.Status;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetCapacity of the built driver (CSI §3.10) and CreateVolume at the edges of room and size, on a local root that
 * is a tmpfs of its own, so that free space is exact and nobody else's files change it. The tests run in order:
 * the last ones fill the file system.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerCapacityIT {

    private static final long MAX = 32 * MIB;

    @TempDir
    static Path dir;

    static Tmpfs fs;
    static LocalDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Tmpfs.usable(), "mounting a tmpfs needs root");
        fs = Tmpfs.mount(dir.resolve("disk"), "48m");
        driver = LocalDriver.in(dir.resolve("driver")).root(fs.dir()).maxVolumeSize("32Mi").start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
    }

    private static GetCapacityResponse capacity(GetCapacityRequest.Builder request) {
        return driver.controller().getCapacity(request.build());
    }

    private static long available() {
        return capacity(GetCapacityRequest.newBuilder()).getAvailableCapacity();
    }

    @Test
    @Order(1)
    void availableCapacityIsTheRootsFreeSpaceAndFollowsTheDataWritten() throws Exception {
        long empty = available();
        assertThat(empty).isBetween(40 * MIB, 48 * MIB);
        Volume v = driver.controller().createVolume(directory("filled").build()).getVolume();

        writeRandom(dataPath(v).resolve("blob"), 8 * MIB);
        long filled = available();
        driver.controller().deleteVolume(deleteVolume(v.getVolumeId()));

        assertThat(filled).isLessThanOrEqualTo(empty - 8 * MIB);
        assertThat(available()).isGreaterThanOrEqualTo(filled + 8 * MIB);
    }

    @Test
    @Order(2)
    void theNodesTopologyHasCapacityAndAnyOtherPlaceHasNone() {
        GetCapacityResponse here = capacity(GetCapacityRequest.newBuilder().setAccessibleTopology(driver.topology())
                .addVolumeCapabilities(rwo()).putParameters("kind", "image"));
        GetCapacityResponse elsewhere = capacity(GetCapacityRequest.newBuilder()
                .setAccessibleTopology(LocalDriver.topologyOf("other-node")));

        assertThat(here.getAvailableCapacity()).isPositive();
        assertThat(elsewhere.getAvailableCapacity()).isZero();
    }

    @Test
    @Order(3)
    void theReportedMaximumSizeCanBeCreatedAndOneByteMoreIsOutOfRange() throws Exception {
        GetCapacityResponse report = capacity(GetCapacityRequest.newBuilder());
        assertThat(report.hasMaximumVolumeSize()).isTrue();
        long max = report.getMaximumVolumeSize().getValue();
        assertThat(max).isEqualTo(MAX);
        assertThat(report.getMinimumVolumeSize().getValue()).isEqualTo(MIB);

        Volume largest = driver.controller().createVolume(image("largest").setCapacityRange(range(max, 0)).build())
                .getVolume();
        var before = driver.state();
        Rpc.fails(Status.Code.OUT_OF_RANGE, () -> driver.controller().createVolume(image("larger")
                .setCapacityRange(range(max + 1, 0)).build()));
        assertThat(driver.state()).isEqualTo(before);

        assertThat(largest.getCapacityBytes()).isEqualTo(max);
        driver.controller().deleteVolume(deleteVolume(largest.getVolumeId()));
    }

    @Test
    @Order(4)
    void invalidParametersOrCapabilitiesAreInvalidArguments() {
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> capacity(GetCapacityRequest.newBuilder()
                .putParameters("replicas", "3")), "replicas");
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> capacity(GetCapacityRequest.newBuilder()
                .putParameters("kind", "directory").addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER))));
        Rpc.fails(Status.Code.INVALID_ARGUMENT, () -> capacity(GetCapacityRequest.newBuilder()
                .setAccessibleTopology(Topology.newBuilder().putSegments("Bad_Prefix/node", "x"))),
                "topology");
    }

    @Test
    @Order(5)
    void whileTheRootIsReadOnlyACreateIsUnavailableNotInternalAndCreatesNothing() throws Exception {
        var before = driver.state();
        fs.readOnly(true);
        try {
            Rpc.fails(Status.Code.UNAVAILABLE, () -> driver.controller().createVolume(directory("read-only").build()));
        } finally {
            fs.readOnly(false);
        }
        assertThat(driver.state()).isEqualTo(before);
        assertThat(Rpc.code(() -> driver.controller().createVolume(directory("read-only").build())))
                .as("the same call once the file system is writable again").isEqualTo(Status.Code.OK);
    }

    @Test
    @Order(6)
    void whenLittleRoomIsLeftTheMaximumFollowsItAndALargerVolumeIsResourceExhausted() throws Exception {
        Volume hog = driver.controller().createVolume(directory("hog").build()).getVolume();
        writeRandom(dataPath(hog).resolve("blob"), 28 * MIB);
        long free = available();
        long max = capacity(GetCapacityRequest.newBuilder()).getMaximumVolumeSize().getValue();
        assertThat(max).isLessThan(MAX).isLessThanOrEqualTo(free).isGreaterThan(free - MIB);

        var before = driver.state();
        // Within the plugin's maximum but beyond the room left: the CO may place it elsewhere (CSI §3.2.4).
        Rpc.fails(Status.Code.RESOURCE_EXHAUSTED, () -> driver.controller().createVolume(image("no-room")
                .setCapacityRange(range(MAX, 0)).build()));
        assertThat(driver.state()).isEqualTo(before);

        assertThat(driver.controller().createVolume(image("just-fits").setCapacityRange(range(max, 0)).build())
                .getVolume().getCapacityBytes()).isEqualTo(max);
    }

    private static void writeRandom(Path file, long bytes) throws Exception {
        byte[] chunk = new byte[(int) MIB];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }
}
