package io.csi4j.simulator.hammerspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator on the wire: the statuses, texts and shapes the Anvil answers with (spec §10). */
class SimulatorApiTest {

    @TempDir
    Path dir;

    HammerspaceSimulator sim;
    HttpClient http;
    String base;

    @BeforeEach
    void start() throws Exception {
        sim = HammerspaceSimulator.start(SimulatorConfig.defaults(dir.resolve("ns")).withTimes(
                java.time.Duration.ofMinutes(5), java.time.Duration.ofHours(1), java.time.Duration.ZERO));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", sim.caCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(ssl).cookieHandler(new CookieManager()).build();
        base = sim.endpoint() + "/mgmt/v1.2/rest";
    }

    @AfterEach
    void stop() {
        http.close();
        sim.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    void login() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + SimulatorConfig.DEFAULT_PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Secure"));
    }

    @Test
    void everyCallButLoginNeedsASessionCookie() throws Exception {
        assertThat(send("GET", "/shares", null).statusCode()).isEqualTo(401);
        login();
        assertThat(send("GET", "/shares", null).body()).isEqualTo("[]");
        sim.expireSessions();
        assertThat(send("GET", "/shares", null).statusCode()).isEqualTo(401);
    }

    @Test
    void sharesAreCreatedAsTasksAndKeyedByNamesOfAtMostEightyCharacters() throws Exception {
        login();
        HttpResponse<String> created = send("POST", "/shares", "{\"name\":\"s1\",\"path\":\"/s1\",\"shareSizeLimit\":1048576}\n");
        assertThat(created.statusCode()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(sim.endpoint() + "/mgmt/v1.2/rest/tasks/");
        assertThat(send("GET", location.substring(base.length()), null).body()).contains("\"status\":\"COMPLETED\"")
                .contains("\"name\":\"share-create\"").contains("\"paramsMap\":{");
        assertThat(send("POST", "/shares", "{\"name\":\"s1\"}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/shares", "{\"name\":\"" + "n".repeat(81) + "\"}").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/shares/s1", null).body()).contains("\"shareSizeLimit\":1048576")
                .contains("\"shareState\":\"PUBLISHED\"");
        assertThat(send("GET", "/shares/nope", null).statusCode()).isEqualTo(404);
        assertThat(Files.isDirectory(sim.root().resolve("s1"))).isTrue();
    }

    @Test
    void aDeletedShareStaysRemovedUntilPrunedAndRefusesASecondDelete() throws Exception {
        login();
        send("POST", "/shares", "{\"name\":\"gone\"}");
        assertThat(send("DELETE", "/shares/gone?delete-path=true&delete-delay=3600", null).statusCode()).isEqualTo(202);
        assertThat(sim.shareState("gone")).contains("REMOVED");
        HttpResponse<String> again = send("DELETE", "/shares/gone?delete-path=true", null);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("Cannot remove a share with state REMOVED.");
        assertThat(Files.exists(sim.root().resolve("gone"))).isFalse();

        send("POST", "/shares", "{\"name\":\"quick\"}");
        send("DELETE", "/shares/quick?delete-path=true&delete-delay=0", null);
        assertThat(send("GET", "/shares/quick", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/shares/never", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPutTakesTheWholeDocumentBackAndIgnoresReadOnlyKeys() throws Exception {
        login();
        send("POST", "/shares", "{\"name\":\"p\",\"shareSizeLimit\":1024,\"comment\":\"c\"}");
        String doc = send("GET", "/shares/p", null).body().replace("\"shareSizeLimit\":1024", "\"shareSizeLimit\":4096");
        assertThat(send("PUT", "/shares/p", doc + "\n").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/shares/p", null).body()).contains("\"shareSizeLimit\":4096").contains("\"comment\":\"c\"");
    }

    @Test
    void portalsClusterStateAndStorageVolumesHaveTheFieldsThePluginReads() throws Exception {
        login();
        assertThat(send("GET", "/data-portals/", null).body()).contains("\"operState\":\"UP\"")
                .contains("\"dataPortalType\":\"NFS_V3\"").contains("\"mgmtIpAddress\":{")
                .contains("\"address\":\"127.0.0.1\"");
        assertThat(send("GET", "/cntl/state", null).body()).contains("\"portalFloatingIps\":[]")
                .matches(".*\"free\":\\d+.*");
        assertThat(send("GET", "/base-storage-volumes", null).body()).contains("effectiveTotalCapacity");
        assertThat(send("GET", "/objectives", null).body()).contains("\"name\":\"keep-online\"");
    }

    @Test
    void fileSnapshotsUseTheFsnapshotLayoutAndANoMatchDeleteIsTheKnown400() throws Exception {
        login();
        send("POST", "/shares", "{\"name\":\"b\"}");
        Files.writeString(sim.root().resolve("b/f"), "data");
        HttpResponse<String> made = send("POST", "/file-snapshots/create?filename-expression=%2Fb%2Ff", null);
        assertThat(made.statusCode()).isEqualTo(200);
        String path = made.body().replaceAll("^\\[\"|\"]$", "");
        assertThat(path).startsWith("/b/.fsnapshot/f/");

        String escaped = path.replace("/", "%2F");
        assertThat(send("POST", "/file-snapshots/" + escaped + "/%2Fb%2Fcopy", null).statusCode()).isEqualTo(200);
        assertThat(Files.readString(sim.root().resolve("b/copy"))).isEqualTo("data");

        HttpResponse<String> none = send("POST", "/file-snapshots/delete?filename-expression=%2Fb%2Ff"
                + "&date-time-expression=1999-01-01", null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("No snapshots found for path");
    }

    @Test
    void shareSnapshotsListCurrentAndAnswerWithAQuotedName() throws Exception {
        login();
        send("POST", "/shares", "{\"name\":\"s\"}");
        Files.writeString(sim.root().resolve("s/x"), "1");
        String name = send("POST", "/share-snapshots/snapshot-create/s", null).body();
        assertThat(name).matches("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d+\"");
        assertThat(send("GET", "/share-snapshots/snapshot-list/s", null).body()).startsWith("[\"current\"");
        assertThat(Files.readString(sim.root().resolve("s/.snapshot/" + name.replace("\"", "") + "/x"))).isEqualTo("1");
        assertThat(send("GET", "/files?path=%2Fs%2F.snapshot", null).body()).contains("\"name\":\"current\"");
        assertThat(send("POST", "/share-snapshots/snapshot-delete/s/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void faultsInjectStatusesAndHeldTasks() throws Exception {
        login();
        sim.faults().failRequests("GET", "shares", 503, 1);
        assertThat(send("GET", "/shares", null).statusCode()).isEqualTo(503);
        assertThat(send("GET", "/shares", null).statusCode()).isEqualTo(200);

        sim.faults().nextTask("share-create", TaskPlan.holding());
        String location = send("POST", "/shares", "{\"name\":\"held\"}").headers().firstValue("Location").orElseThrow();
        assertThat(sim.shareState("held")).contains("CREATING");
        assertThat(send("GET", location.substring(base.length()), null).body()).contains("EXECUTING");
        assertThat(send("POST", "/shares", "{\"name\":\"held\"}").body()).contains("already running");
        sim.releaseTasks("share-create");
        assertThat(sim.shareState("held")).contains("PUBLISHED");
        assertThat(sim.tasks()).extracting(t -> t.get("status")).contains("COMPLETED");
        assertThat(List.of(sim.requestCount("POST shares"))).containsExactly(2L);
    }
}
