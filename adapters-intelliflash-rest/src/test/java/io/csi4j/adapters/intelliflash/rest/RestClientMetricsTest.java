package io.csi4j.adapters.intelliflash.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.metrics.RecordingRestRecorder;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import io.csi4j.simulator.intelliflash.SimulatorConfig;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attempt the REST client makes is recorded once: {@code POST}, the API method as the endpoint (never the
 * share or volume it names), and the HTTP status, or why there was none.
 */
class RestClientMetricsTest {

    static final Credentials GOOD = new Credentials("admin", "secret");
    static final RestSettings QUICK = RestSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
            .withRetries(2, Duration.ofMillis(10));

    @TempDir
    Path dir;

    IntelliFlashSimulator sim;
    TlsSettings trustSimulator;
    RecordingRestRecorder metrics = new RecordingRestRecorder();

    @BeforeEach
    void start() throws Exception {
        sim = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("data")));
        trustSimulator = new TlsSettings(true, Optional.of(sim.writeCertificate(dir.resolve("ca.pem"))));
    }

    @AfterEach
    void stop() {
        sim.close();
        assertThat(metrics.started()).as("every call started was ended").isEqualTo(metrics.calls().size());
    }

    RestClient client(URI restIp, Credentials c, TlsSettings tls) {
        return RestClient.create(restIp, c, tls, QUICK, metrics).get();
    }

    RestClient client() {
        return client(URI.create(sim.restIp()), GOOD, trustSimulator);
    }

    static void createShare(RestClient c, String name) {
        c.call("createShare", Idempotency.WRITE, "pool-a", "csi-file", name,
                Map.of("quota", 1 << 20, "reservation", -1, "mountPoint", ""), List.of());
    }

    @Test
    void anAnsweredCallIsRecordedWithTheApiMethodAndItsStatus() {
        try (RestClient client = client()) {
            assertThat(client.call("listPools", Idempotency.READ).isRight()).isTrue();
            createShare(client, "pvc-4711");
        }

        assertThat(metrics.calls()).containsExactly("POST listPools 200", "POST createShare 200");
    }

    @Test
    void anArrayErrorIsRecordedWithItsStatusAndTheEndpointNeverNamesTheShare() {
        sim.faults().add(FaultRule.status("getShare", 404).times(1));
        try (RestClient client = client()) {
            createShare(client, "pvc-4711");
            createShare(client, "pvc-4711");
            assertThat(client.call("getShare", Idempotency.READ, "pool-a/Local/csi-file/pvc-4711").isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST createShare 200", "POST createShare 500",
                "POST getShare 404");
        assertThat(metrics.calls()).noneMatch(c -> c.contains("pvc-4711"));
    }

    @Test
    void refusedCredentialsAreRecordedAs401() {
        try (RestClient wrong = client(URI.create(sim.restIp()), new Credentials("admin", "wrong"), trustSimulator)) {
            assertThat(wrong.call("listPools", Idempotency.READ).isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST listPools 401");
    }

    @Test
    void eachRetriedAttemptIsRecorded() {
        sim.faults().add(FaultRule.status("listPools", 503).times(1));
        sim.faults().add(FaultRule.timeout("listPools", Duration.ofSeconds(2)).times(1));
        try (RestClient client = client()) {
            assertThat(client.call("listPools", Idempotency.READ).isRight()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST listPools 503", "POST listPools timeout",
                "POST listPools 200");
    }

    @Test
    void aDroppedConnectionIsRecordedAsIo() {
        sim.faults().add(FaultRule.drop("createShare").thenLost().times(1));
        try (RestClient client = client()) {
            createShare(client, "lost");
        }

        assertThat(metrics.calls()).containsExactly("POST createShare io");
    }

    @Test
    void aClosedPortIsRecordedAsConnectForEveryAttempt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RestClient nowhere = client(URI.create("https://127.0.0.1:" + closedPort), GOOD, trustSimulator)) {
            assertThat(nowhere.call("listPools", Idempotency.READ).isLeft()).isTrue();
        }

        assertThat(metrics.calls()).hasSize(1 + QUICK.retries()).containsOnly("POST listPools connect");
    }

    @Test
    void anUntrustedCertificateIsRecordedAsTls() {
        try (RestClient strict = client(URI.create(sim.restIp()), GOOD, TlsSettings.DEFAULT)) {
            assertThat(strict.call("listPools", Idempotency.READ).isLeft()).isTrue();
        }

        assertThat(metrics.calls()).containsExactly("POST listPools tls");
    }
}
