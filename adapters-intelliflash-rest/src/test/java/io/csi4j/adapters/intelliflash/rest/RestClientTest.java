package io.csi4j.adapters.intelliflash.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.Recorders;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import io.csi4j.simulator.intelliflash.SimulatorConfig;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import io.vavr.control.Either;
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

/** The REST client against the simulator: decoding, error bodies, credentials, TLS, and which failures are retried. */
class RestClientTest {

    static final Credentials GOOD = new Credentials("admin", "secret");
    static final RestSettings QUICK = RestSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800))
            .withRetries(2, Duration.ofMillis(10));

    @TempDir
    Path dir;

    IntelliFlashSimulator sim;
    TlsSettings trustSimulator;
    RestClient client;

    @BeforeEach
    void start() throws Exception {
        sim = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("data")));
        trustSimulator = new TlsSettings(true, Optional.of(sim.writeCertificate(dir.resolve("ca.pem"))));
        client = client(GOOD, trustSimulator);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    RestClient client(Credentials c, TlsSettings tls) {
        return RestClient.create(URI.create(sim.restIp()), c, tls, QUICK, Recorders.none().rest("test")).get();
    }

    Either<RestError, JsonNode> createShare(RestClient c, String name) {
        return c.call("createShare", Idempotency.WRITE, "pool-a", "csi-file", name,
                Map.of("quota", 1 << 20, "reservation", -1, "mountPoint", ""), List.of());
    }

    @Test
    void aCallIsDecodedFromTheArraysJson() {
        JsonNode pools = client.call("listPools", Idempotency.READ).get();

        assertThat(pools.get(0).path("name").asText()).isEqualTo("pool-a");
        assertThat(pools.get(0).path("totalSize").asLong()).isEqualTo(1L << 40);
        assertThat(createShare(client, "s1").get().asInt()).isZero();
    }

    @Test
    void anEzebiErrorBodyGivesItsCodeAndMessageAndIsNotRetried() {
        createShare(client, "twice").get();
        sim.faults().resetCalls();

        RestError e = createShare(client, "twice").getLeft();

        assertThat(e.kind()).isEqualTo(RestError.Kind.ARRAY);
        assertThat(e.code()).isEqualTo("EZEBI_RESOURCE_EXIST");
        assertThat(e.message()).contains("pool-a/Local/csi-file/twice");
        assertThat(e.toFailure("creating")).isInstanceOf(Failure.AlreadyExists.class);
        assertThat(sim.faults().calls("createShare")).isEqualTo(1);
        RestError missing = client.call("getShare", Idempotency.READ, "pool-a/Local/csi-file/nope").getLeft();
        assertThat(missing.notFound()).isTrue();
        assertThat(missing.toFailure("reading")).isInstanceOf(Failure.NotFound.class);
    }

    @Test
    void refusedCredentialsAreUnauthenticatedAndNotRetried() {
        try (RestClient wrong = client(new Credentials("admin", "wrong"), trustSimulator)) {
            RestError e = wrong.call("listPools", Idempotency.READ).getLeft();

            assertThat(e.kind()).isEqualTo(RestError.Kind.AUTH);
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.toFailure("listing")).isInstanceOf(Failure.Unauthenticated.class);
            assertThat(e.toFailure("listing").message()).doesNotContain("wrong");
            assertThat(sim.faults().calls("listPools")).isEqualTo(1);
            assertThat(wrong.lastError()).contains(e);
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        try (RestClient strict = client(GOOD, TlsSettings.DEFAULT)) {
            RestError e = strict.call("listPools", Idempotency.READ).getLeft();

            assertThat(e.kind()).isEqualTo(RestError.Kind.TLS);
            assertThat(e.message()).contains("caFile").contains("tlsVerify");
            assertThat(sim.faults().calls("listPools")).isZero();
        }
    }

    @Test
    void verificationCanBeSwitchedOffExplicitly() {
        try (RestClient lax = client(GOOD, new TlsSettings(false, Optional.empty()))) {
            assertThat(lax.call("listPools", Idempotency.READ).isRight()).isTrue();
        }
    }

    @Test
    void aReadIsRetriedAfterAGatewayErrorAndADroppedConnection() {
        sim.faults().add(FaultRule.status("listPools", 502).times(1));
        sim.faults().add(FaultRule.drop("listPools").times(1));

        assertThat(client.call("listPools", Idempotency.READ).isRight()).isTrue();
        assertThat(sim.faults().calls("listPools")).isEqualTo(3);
    }

    @Test
    void aReadIsRetriedAfterATimeout() {
        sim.faults().add(FaultRule.timeout("listPools", Duration.ofSeconds(2)).times(1));

        assertThat(client.call("listPools", Idempotency.READ).isRight()).isTrue();
        assertThat(sim.faults().calls("listPools")).isEqualTo(2);
    }

    @Test
    void aWriteIsRetriedOnlyWhenTheArraySaysItDidNothing() {
        sim.faults().add(FaultRule.status("createShare", 503).times(1));

        assertThat(createShare(client, "after-503").isRight()).isTrue();
        assertThat(sim.faults().calls("createShare")).isEqualTo(2);
    }

    @Test
    void aWriteWhoseAnswerIsLostIsNotRepeatedAndReportsAnUnknownOutcome() {
        sim.faults().add(FaultRule.drop("createShare").thenLost().times(1));

        RestError e = createShare(client, "lost").getLeft();

        assertThat(e.kind()).isEqualTo(RestError.Kind.TRANSPORT);
        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(e.toFailure("creating")).isInstanceOf(Failure.Unavailable.class);
        assertThat(sim.faults().calls("createShare")).isEqualTo(1);
        assertThat(client.call("getShare", Idempotency.READ, "pool-a/Local/csi-file/lost").isRight())
                .as("the write happened although its answer was lost").isTrue();
    }

    @Test
    void aWriteIsNotRepeatedAfterAGatewayErrorWhoseOutcomeIsUnknown() {
        sim.faults().add(FaultRule.status("createShare", 504).times(1));

        RestError e = createShare(client, "gateway").getLeft();

        assertThat(e.outcomeUnknown()).isTrue();
        assertThat(sim.faults().calls("createShare")).isEqualTo(1);
    }

    @Test
    void retriesAreBounded() {
        sim.faults().add(FaultRule.status("listPools", 503));

        RestError e = client.call("listPools", Idempotency.READ).getLeft();

        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(sim.faults().calls("listPools")).isEqualTo(1 + QUICK.retries());
    }

    @Test
    void aWriteIsRetriedWhenTheConnectionWasNeverMade() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RestClient nowhere = RestClient.create(URI.create("https://127.0.0.1:" + closedPort), GOOD, trustSimulator,
                QUICK, Recorders.none().rest("test")).get()) {
            long started = System.nanoTime();
            RestError e = createShare(nowhere, "x").getLeft();

            assertThat(e.kind()).isEqualTo(RestError.Kind.TRANSPORT);
            assertThat(e.outcomeUnknown()).isFalse();
            assertThat(RestClient.retryable(e, Idempotency.WRITE)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        }
    }
}
