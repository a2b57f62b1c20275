package io.csi4j.simulator.intelliflash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A plain HTTPS client for the simulator's tests, trusting its certificate: the tests speak the wire protocol. */
final class ArrayCalls {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }
    }

    private final IntelliFlashSimulator sim;
    private final HttpClient http;
    private final String auth;

    ArrayCalls(IntelliFlashSimulator sim, String user, String password) throws Exception {
        this.sim = sim;
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("sim", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(sim.certificatePem().getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(ctx).build();
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer raw(String method, String verb, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restIp() + "/zebi/api/v2/" + method))
                .header("Authorization", auth).header("Content-Type", "application/json");
        b = verb.equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer call(String method, Object... args) throws Exception {
        return raw(method, "POST", JSON.writeValueAsString(List.of(args)));
    }

    /** A call that must succeed. */
    JsonNode ok(String method, Object... args) throws Exception {
        Answer a = call(method, args);
        if (a.status() != 200) {
            throw new AssertionError(method + " failed: " + a.status() + " " + a.body());
        }
        return a.json();
    }
}
