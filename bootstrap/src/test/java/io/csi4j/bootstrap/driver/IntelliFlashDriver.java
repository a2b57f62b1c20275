package io.csi4j.bootstrap.driver;

import io.csi4j.csi.v1.CapacityRange;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.csi.v1.VolumeContentSource;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import io.csi4j.simulator.intelliflash.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A simulated array and the driver jar serving it as the original IntelliFlash driver would be deployed: under the
 * original driver name, with an original-format configuration file (plus csi4j's {@code caFile}) in a directory.
 */
final class IntelliFlashDriver implements AutoCloseable {

    static final String FILE_DRIVER = "intelliflash-csi-file-driver.intelliflash.com";
    static final String BLOCK_DRIVER = "intelliflash-csi-block-driver.intelliflash.com";
    static final long MIB = 1L << 20;

    final IntelliFlashSimulator array;
    final DriverProcess driver;
    final CsiClient csi;

    private IntelliFlashDriver(IntelliFlashSimulator array, DriverProcess driver) {
        this.array = array;
        this.driver = driver;
        this.csi = new CsiClient(driver.socket());
    }

    static IntelliFlashDriver start(Path dir, String driverName, String project, Map<String, String> env)
            throws IOException {
        return start(dir, driverName, project, env, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
    }

    static IntelliFlashDriver start(Path dir, String driverName, String project, Map<String, String> env,
            List<String> jvmOptions) throws IOException {
        quietLogs();
        Files.createDirectories(dir);
        IntelliFlashSimulator array = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("array")));
        Path ca = array.writeCertificate(dir.resolve("array.pem"));
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("driver-config.yaml"), """
                arrays:
                  array1:
                    restIp: %s
                    username: admin
                    password: secret
                    defaultProject: %s
                    defaultDataIp: 127.0.0.1
                    defaultMountOptions: vers=4
                    defaultTargetGroup: csi-tg
                    defaultHostGroup: csi-hg
                    inheritProjectSettings: true
                caFile: %s
                debug: true
                """.formatted(array.restIp(), project, ca));
        try {
            DriverProcess driver = DriverProcess.start(dir, env, jvmOptions, "--config", etc.toString(), "--driver-name",
                    driverName, "--mode", "controller", "--node-id", "controller-1");
            return new IntelliFlashDriver(array, driver);
        } catch (IOException | RuntimeException e) {
            array.close();
            throw e;
        }
    }

    /** The test JVM's own logging (the in-process array, the gRPC client) at warnings: DEBUG frames cost much. */
    static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static VolumeCapability mount(VolumeCapability.AccessMode.Mode mode) {
        return VolumeCapability.newBuilder().setMount(VolumeCapability.MountVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode)).build();
    }

    static VolumeCapability block(VolumeCapability.AccessMode.Mode mode) {
        return VolumeCapability.newBuilder().setBlock(VolumeCapability.BlockVolume.getDefaultInstance())
                .setAccessMode(VolumeCapability.AccessMode.newBuilder().setMode(mode)).build();
    }

    static CreateVolumeRequest.Builder create(String name, long bytes, VolumeCapability cap) {
        return CreateVolumeRequest.newBuilder().setName(name).addVolumeCapabilities(cap)
                .setCapacityRange(CapacityRange.newBuilder().setRequiredBytes(bytes));
    }

    static VolumeContentSource fromSnapshot(String id) {
        return VolumeContentSource.newBuilder().setSnapshot(VolumeContentSource.SnapshotSource.newBuilder()
                .setSnapshotId(id)).build();
    }

    static VolumeContentSource fromVolume(String id) {
        return VolumeContentSource.newBuilder().setVolume(VolumeContentSource.VolumeSource.newBuilder()
                .setVolumeId(id)).build();
    }

    @Override
    public void close() throws Exception {
        try {
            csi.close();
            driver.close();
        } finally {
            array.close();
        }
    }
}
