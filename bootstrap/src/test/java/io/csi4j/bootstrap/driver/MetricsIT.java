package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.DeleteVolumeRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.VolumeCapability;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in HTTP endpoint of the real jar: after a few CSI calls /metrics shows per-RPC counts and latency by code,
 * the in-flight gauge and the JVM's meters, and every REST call to a simulated array by backend, endpoint template
 * and status; /healthz answers like Probe; JSON logs carry request ids and no secret; and with metrics off no
 * metrics library is even loaded.
 */
class MetricsIT {

    private static final String SECRET = "s3cr3t-value-for-the-test";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void afterAFewCallsTheScrapeShowsEachRpcByCodeAndTheLogsAreJsonWithRequestIdsAndNoSecrets() throws Exception {
        int port = freePort();
        try (DriverProcess driver = start(true, "--metrics-address", "127.0.0.1:" + port, "--log-format", "json");
                CsiClient csi = new CsiClient(driver.socket())) {
            csi.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance());
            csi.identity().probe(ProbeRequest.getDefaultInstance());
            String id = csi.controller().createVolume(create("pvc-metrics")).getVolume().getVolumeId();
            csi.controller().createVolume(create("pvc-metrics"));
            var invalid = catchThrowable(() -> csi.controller().deleteVolume(DeleteVolumeRequest.getDefaultInstance()));
            assertThat(((StatusRuntimeException) invalid).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            csi.controller().deleteVolume(DeleteVolumeRequest.newBuilder().setVolumeId(id).build());

            HttpResponse<String> scrape = get(port, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/plain; version=0.0.4"));
            PrometheusText m = PrometheusText.parse(scrape.body());
            String controller = "csi.v1.Controller";
            assertThat(m.value("csi4j_rpc_seconds_count", Map.of("service", controller, "method", "CreateVolume",
                    "code", "OK"))).isEqualTo(2.0);
            assertThat(m.value("csi4j_rpc_seconds_count", Map.of("method", "DeleteVolume", "code", "INVALID_ARGUMENT")))
                    .isEqualTo(1.0);
            assertThat(m.value("csi4j_rpc_seconds_count", Map.of("method", "DeleteVolume", "code", "OK"))).isEqualTo(1.0);
            assertThat(m.value("csi4j_rpc_seconds_count", Map.of("service", "csi.v1.Identity", "method", "Probe",
                    "code", "OK"))).isEqualTo(1.0);
            assertThat(m.value("csi4j_rpc_seconds_sum", Map.of("method", "CreateVolume", "code", "OK"))).isPositive();
            assertThat(m.value("csi4j_rpc_seconds_bucket", Map.of("method", "CreateVolume", "code", "OK", "le", "+Inf")))
                    .isEqualTo(2.0);
            assertThat(m.find("csi4j_rpc_seconds_bucket", Map.of("method", "CreateVolume", "code", "OK"))).hasSize(14);
            assertThat(m.value("csi4j_operations_inflight", Map.of())).isZero();
            assertThat(m.value("csi4j_rpc_active", Map.of())).isZero();
            assertThat(m.value("process_resident_memory_bytes", Map.of())).isGreaterThan(1 << 20);
            assertThat(m.find("jvm_memory_used_bytes", Map.of())).isNotEmpty();

            HttpResponse<String> health = get(port, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(get(port, "/nothing-here").statusCode()).isEqualTo(404);

            String output = driver.output();
            assertThat(output).doesNotContain(SECRET);
            List<JsonNode> lines = jsonLines(output);
            assertThat(lines).filteredOn(l -> l.path("formattedMessage").asText().startsWith("rpc=CreateVolume"))
                    .hasSize(2).allSatisfy(l -> assertThat(l.path("mdc").path("request_id").asText()).hasSize(12));
            assertThat(classesLoaded()).contains("io.micrometer.prometheusmetrics.PrometheusMeterRegistry");
        }
    }

    @Test
    void everyRestCallToAnIntelliFlashArrayIsCountedByApiMethodAndStatus() throws Exception {
        int port = freePort();
        try (IntelliFlashDriver d = IntelliFlashDriver.start(dir.resolve("intelliflash"), IntelliFlashDriver.FILE_DRIVER,
                "csi-file", Map.of("CSI4J_METRICS_ADDRESS", "127.0.0.1:" + port))) {
            // The array refuses the first create with 503 (nothing done): the client sends it again.
            d.array.faults().add(FaultRule.status("createShare", 503).times(1));
            d.csi.controller().createVolume(IntelliFlashDriver.create("pvc-rest-metrics", 64 * IntelliFlashDriver.MIB,
                    IntelliFlashDriver.mount(VolumeCapability.AccessMode.Mode.MULTI_NODE_MULTI_WRITER)).build());

            PrometheusText m = PrometheusText.parse(get(port, "/metrics").body());
            Map<String, String> create = Map.of("backend", "intelliflash", "method", "POST", "endpoint", "createShare");
            assertThat(m.value("csi4j_backend_rest_seconds_count", with(create, "status", "503"))).isEqualTo(1.0);
            assertThat(m.value("csi4j_backend_rest_seconds_count", with(create, "status", "200"))).isEqualTo(1.0);
            assertThat(m.value("csi4j_backend_rest_seconds_sum", with(create, "status", "200"))).isPositive();
            assertThat(m.value("csi4j_backend_rest_seconds_bucket", with(with(create, "status", "200"), "le", "+Inf")))
                    .isEqualTo(1.0);
            // Each call the array saw is counted once, under the API method's name and nothing else.
            Map<String, Double> counted = new HashMap<>();
            m.find("csi4j_backend_rest_seconds_count", Map.of("backend", "intelliflash")).forEach(s -> counted
                    .merge(s.labels().get("endpoint"), s.value(), Double::sum));
            Map<String, Double> seen = new HashMap<>();
            d.array.faults().calls().forEach((method, n) -> seen.put(method, n.doubleValue()));
            assertThat(counted).isEqualTo(seen);
            assertNoNameInRestLabels(m, "pvc-rest-metrics");
        }
    }

    @Test
    void everyCallToTheHammerspaceApiIsCountedByEndpointTemplateAndStatus() throws Exception {
        int port = freePort();
        Path hs = Files.createDirectories(dir.resolve("hammerspace"));
        try (HammerspaceSimulator sim = HammerspaceSimulator.start(SimulatorConfig.defaults(hs.resolve("namespace")))) {
            Path ca = sim.writeCaPem(hs.resolve("anvil-ca.pem"));
            Path config = Files.writeString(hs.resolve("csi4j.yaml"), "kubeletDir: " + hs.resolve("kubelet") + "\n");
            Map<String, String> env = Map.of("HS_ENDPOINT", sim.endpoint().toString(), "HS_USERNAME",
                    sim.config().username(), "HS_PASSWORD", sim.config().password(), "HS_CA_FILE", ca.toString(),
                    "HS_NAMESPACE_ROOT", sim.root().toString(), "CSI_NODE_NAME", "worker-1",
                    "CSI4J_METRICS_ADDRESS", "127.0.0.1:" + port);
            try (DriverProcess driver = DriverProcess.start(hs, env, "--config", config.toString());
                    CsiClient csi = new CsiClient(driver.socket())) {
                sim.faults().failRequests("POST", "shares", 409, 1);
                var refused = catchThrowable(() -> csi.controller().createVolume(create("pvc-hs-metrics")));
                assertThat(refused).isInstanceOf(StatusRuntimeException.class);
                csi.controller().createVolume(create("pvc-hs-metrics"));

                PrometheusText m = PrometheusText.parse(get(port, "/metrics").body());
                Map<String, String> shares = Map.of("backend", "hammerspace", "method", "POST", "endpoint", "/shares");
                assertThat(m.value("csi4j_backend_rest_seconds_count", with(shares, "status", "409"))).isEqualTo(1.0);
                // created: the backend's catalog share, then the volume's
                assertThat(m.value("csi4j_backend_rest_seconds_count", with(shares, "status", "202"))).isEqualTo(2.0);
                assertThat(m.value("csi4j_backend_rest_seconds_count", Map.of("backend", "hammerspace",
                        "method", "POST", "endpoint", "/login", "status", "200"))).isPositive();
                assertThat(m.find("csi4j_backend_rest_seconds_count", Map.of("backend", "hammerspace",
                        "endpoint", "/shares/{name}"))).isNotEmpty();
                // Each request the Anvil handled is counted once (it does not count the one its fault refused).
                double counted = m.find("csi4j_backend_rest_seconds_count", Map.of("backend", "hammerspace")).stream()
                        .filter(x -> !x.labels().get("status").equals("409"))
                        .mapToDouble(PrometheusText.Sample::value).sum();
                assertThat(counted).isEqualTo(sim.requestCounts().values().stream().mapToLong(Long::longValue).sum());
                assertNoNameInRestLabels(m, "pvc-hs-metrics");
            }
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    /** Tag values are endpoint templates: the volume's name is in no label of the REST meter. */
    private static void assertNoNameInRestLabels(PrometheusText m, String name) {
        List<PrometheusText.Sample> rest = m.samples().stream()
                .filter(s -> s.name().startsWith("csi4j_backend_rest_seconds")).toList();
        assertThat(rest).isNotEmpty().allSatisfy(s -> assertThat(s.labels().values()).noneMatch(v -> v.contains(name)));
    }

    @Test
    void healthzSaysUnavailableWithTheReasonWhenABackendBreaks() throws Exception {
        int port = freePort();
        try (DriverProcess driver = start(false, "--metrics-address", "127.0.0.1:" + port)) {
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);

            // The local backend is broken once its volume directory is gone (Probe: FAILED_PRECONDITION).
            try (var files = Files.walk(dir.resolve("root"))) {
                files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir.resolve("root")))
                        .forEach(p -> p.toFile().delete());
            }

            HttpResponse<String> health = get(port, "/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("FAILED_PRECONDITION", "missing");
        }
    }

    @Test
    void withMetricsOffNoMetricsLibraryIsLoadedAndNoPortIsOpened() throws Exception {
        try (DriverProcess driver = start(true);
                CsiClient csi = new CsiClient(driver.socket())) {
            csi.controller().createVolume(create("pvc-no-metrics"));
            assertThat(driver.output()).doesNotContain("serving metrics");
        }
        assertThat(classesLoaded()).isNotEmpty().noneMatch(c -> c.startsWith("io.micrometer.") || c.startsWith("io.prometheus."));
    }

    private DriverProcess start(boolean logClasses, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--local-root", dir.resolve("root").toString(), "--node-id",
                "metrics-node", "--mode", "controller"));
        all.addAll(List.of(args));
        Map<String, String> env = logClasses
                ? Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + dir.resolve("classes.log"))
                : Map.of();
        return DriverProcess.start(dir, env, all.toArray(String[]::new));
    }

    private List<String> classesLoaded() throws IOException {
        return Files.readAllLines(dir.resolve("classes.log")).stream().filter(l -> l.contains("source:"))
                .map(l -> l.replaceAll(".*\\]\\s+(\\S+)\\s+source:.*", "$1")).toList();
    }

    private static CreateVolumeRequest create(String name) {
        return CreateVolumeRequest.newBuilder().setName(name)
                .addVolumeCapabilities(VolumeCapability.newBuilder()
                        .setMount(VolumeCapability.MountVolume.getDefaultInstance())
                        .setAccessMode(VolumeCapability.AccessMode.newBuilder()
                                .setMode(VolumeCapability.AccessMode.Mode.SINGLE_NODE_WRITER)))
                .putSecrets("password", SECRET)
                .build();
    }

    /**
     * Every line the driver wrote is a JSON object, apart from the launcher's note about JDK_JAVA_OPTIONS and the
     * JVM's own unified-logging lines ({@code [0.012s][warning][cds] ...}, from the test harness's class-data archive).
     */
    private static List<JsonNode> jsonLines(String output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank() || line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")
                    || line.matches("^\\[\\d+\\.\\d+s\\].*")) {
                continue;
            }
            lines.add(json.readTree(line));
        }
        return lines;
    }

    /** GET, retried while the port is not open yet: the driver opens it just after its CSI socket. */
    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
