package io.csi4j.adapters.hammerspace.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.metrics.RecordingRestRecorder;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the client sends, logins and task polls included, is recorded once with its method, its endpoint
 * template (never a share, snapshot or task name) and the HTTP status, or why there was none.
 */
class HsHttpMetricsTest {

    @TempDir
    Path dir;

    SimulatorFixture fx;
    RecordingRestRecorder metrics = new RecordingRestRecorder();

    @BeforeEach
    void start() throws Exception {
        fx = new SimulatorFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
        assertThat(metrics.started()).as("every call started was ended").isEqualTo(metrics.calls().size());
    }

    HammerspaceApi api(ClientConfig config) {
        return SimulatorFixture.api(config, metrics);
    }

    static Model.ShareRequest request(String name) {
        return new Model.ShareRequest(name, "made by a test", Map.of("csi4j_volume", "v-" + name),
                OptionalLong.of(1 << 20), List.of(), List.of());
    }

    @Test
    void callsAreRecordedWithTheirEndpointTemplateAndStatusAndNoName() throws Exception {
        try (HammerspaceApi api = api(fx.clientConfig())) {
            assertThat(api.createShare(request("pvc-4711")).isRight()).isTrue();
            assertThat(api.share("pvc-4711").get()).isPresent();
            assertThat(api.share("pvc-0815").get()).isEmpty();
            assertThat(api.createShareSnapshot("pvc-4711").isRight()).isTrue();
            assertThat(api.shareSnapshots("pvc-4711").get()).isPresent();
        }

        assertThat(metrics.calls()).containsExactly("POST /login 200", "POST /shares 202", "GET /tasks/{uuid} 200",
                "GET /shares/{name} 200", "GET /shares/{name} 404",
                "POST /share-snapshots/snapshot-create/{share} 200", "GET /share-snapshots/snapshot-list/{share} 200");
        assertThat(metrics.calls()).noneMatch(c -> c.contains("pvc-"));
    }

    @Test
    void anErrorStatusIsRecordedAsAnswered() throws Exception {
        fx.sim.faults().failRequests("POST", "shares", 409, 1);
        try (HammerspaceApi api = api(fx.clientConfig())) {
            assertThat(api.createShare(request("refused")).isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST /login 200", "POST /shares 409");
    }

    @Test
    void anExpiredSessionShowsAs401ThenALoginThenTheRepeatedCall() throws Exception {
        try (HammerspaceApi api = api(fx.clientConfig())) {
            assertThat(api.shares().isRight()).isTrue();
            fx.sim.expireSessions();
            assertThat(api.shares().isRight()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST /login 200", "GET /shares 200", "GET /shares 401",
                "POST /login 200", "GET /shares 200");
    }

    @Test
    void aClosedPortIsRecordedAsConnect() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ClientConfig nowhere = ClientConfig.of(URI.create("https://127.0.0.1:" + closedPort), "admin",
                new Secret(SimulatorConfig.DEFAULT_PASSWORD)).withTls(true, Optional.of(fx.caFile));
        try (HammerspaceApi api = api(nowhere)) {
            assertThat(api.shares().isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST /login connect");
    }

    @Test
    void anUntrustedCertificateIsRecordedAsTls() throws Exception {
        ClientConfig strict = ClientConfig.of(fx.sim.endpoint(), "admin", new Secret(SimulatorConfig.DEFAULT_PASSWORD));
        try (HammerspaceApi api = api(strict)) {
            assertThat(api.shares().isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST /login tls");
    }

    @Test
    void aSlowAnswerIsRecordedAsTimeout() throws Exception {
        ClientConfig quick = fx.clientConfig().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofMillis(50));
        try (HammerspaceApi api = api(quick)) {
            assertThat(api.shares().isRight()).isTrue();
            fx.sim.faults().latency(Duration.ofMillis(1500));
            assertThat(api.shares().isLeft()).isTrue();
        } finally {
            fx.sim.faults().clear();
        }

        assertThat(metrics.calls()).containsExactly("POST /login 200", "GET /shares 200", "GET /shares timeout");
    }
}
