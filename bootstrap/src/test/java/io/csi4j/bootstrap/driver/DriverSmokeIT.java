package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.ProbeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar starts on a socket, answers, and on SIGTERM exits 0 and removes its socket. */
class DriverSmokeIT {

    @TempDir
    Path dir;

    @Test
    void startsAnswersAndStopsCleanly() throws Exception {
        try (DriverProcess driver = DriverProcess.start(dir, Map.of(), "--local-root", dir.resolve("root").toString(),
                "--node-id", "smoke-node", "--mode", "controller")) {
            try (CsiClient csi = new CsiClient(driver.socket())) {
                var info = csi.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance());
                assertThat(info.getName()).isEqualTo("csi4j.io");
                assertThat(info.getVendorVersion()).isNotEmpty();
                assertThat(csi.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
            }
            assertThat(driver.output()).contains("serving CSI on unix://" + driver.socket());
            // The JVM reports a SIGTERM exit as 143 (128 + 15) once its shutdown hooks have run.
            assertThat(driver.terminate()).isIn(0, 143);
            assertThat(driver.output()).contains("stopped");
            assertThat(Files.exists(driver.socket())).as("socket removed on SIGTERM").isFalse();
        }
    }
}
