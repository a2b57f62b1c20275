package io.csi4j.adapters.intelliflash.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.RestRecorder;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IntelliFlash REST API of one array: {@code POST <restIp>/zebi/api/v2/<method>} with a JSON array of
 * positional arguments and HTTP Basic authentication on every call. Answers are decoded (JSON, empty for void
 * methods) or turned into a {@link RestError} ({@code EZEBI_*} body, refused credentials, transport, TLS).
 *
 * <p>Transient failures are retried with exponential back-off, a bounded number of times: a read after any
 * transport failure or gateway error; a write only when the array cannot have carried it out (the connection was
 * never made, or HTTP 503). A write whose answer was lost is returned with {@code outcomeUnknown}, for the caller
 * to reconcile by reading back — never blindly repeated.
 *
 * <p>Every attempt is recorded into the backend's {@link RestRecorder} as {@code POST} to the API method's name
 * (the endpoint template: arguments, and so names, travel in the body), with the HTTP status or why there was none.
 */
public final class RestClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
    static final String API = "/zebi/api/v2/";

    private final URI base;
    private final Credentials credentials;
    private final RestSettings settings;
    private final CloseableHttpClient http;
    private final RestRecorder metrics;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Optional<RestError> lastError = Optional.empty();

    private RestClient(URI base, Credentials credentials, RestSettings settings, CloseableHttpClient http,
            RestRecorder metrics) {
        this.base = base;
        this.credentials = credentials;
        this.settings = settings;
        this.http = http;
        this.metrics = metrics;
    }

    /**
     * A client for the array at {@code restIp} ({@code https://host:port}); makes no call yet.
     *
     * @param metrics where every call's duration, API method and HTTP status (or failure) are recorded
     */
    public static Either<Failure, RestClient> create(URI restIp, Credentials credentials, TlsSettings tls,
            RestSettings settings, RestRecorder metrics) {
        return TlsContexts.of(tls).map(ctx -> new RestClient(restIp, credentials, settings, build(ctx, tls, settings),
                metrics));
    }

    private static CloseableHttpClient build(SSLContext ctx, TlsSettings tls, RestSettings s) {
        HostnameVerifier verifier = tls.verify() ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE;
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(ctx).setHostnameVerifier(verifier)
                        .buildClassic())
                .setMaxConnTotal(s.maxConnections())
                .setMaxConnPerRoute(s.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(s.connectTimeout()))
                        .setSocketTimeout(Timeout.of(s.responseTimeout()))
                        // A pooled connection the array closed meanwhile is checked before reuse, so a write is
                        // not sent into a dead socket (whose failure would leave its outcome unknown).
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(10))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(s.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(s.responseTimeout()))
                        .build())
                .build();
    }

    public URI restIp() {
        return base;
    }

    /** How the last call went when it failed before the array could answer (credentials, TLS, transport). */
    public Optional<RestError> lastError() {
        return lastError;
    }

    /** Calls {@code method} with the configured credentials. */
    public Either<RestError, JsonNode> call(String method, Idempotency kind, Object... args) {
        return call(credentials, method, kind, args);
    }

    /** Calls {@code method} with {@code as} (StorageClass secrets may override the configured credentials). */
    public Either<RestError, JsonNode> call(Credentials as, String method, Idempotency kind, Object... args) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(List.of(args));
        } catch (JsonProcessingException e) {
            return Either.left(new RestError(RestError.Kind.PROTOCOL, "", "cannot encode the arguments of " + method
                    + ": " + e.getOriginalMessage(), 0, false));
        }
        Duration pause = settings.backoff();
        for (int attempt = 0; ; attempt++) {
            long started = System.nanoTime();
            Either<RestError, JsonNode> result = once(as, method, body);
            LOG.debug("rest call={} attempt={} ok={} ms={}", method, attempt + 1, result.isRight(),
                    (System.nanoTime() - started) / 1_000_000);
            if (result.isRight() || attempt >= settings.retries() || !retryable(result.getLeft(), kind)) {
                lastError = result.isLeft() && result.getLeft().kind() != RestError.Kind.ARRAY
                        ? Optional.of(result.getLeft()) : Optional.empty();
                return result;
            }
            LOG.debug("rest call={} retrying after {} ms: {}", method, pause.toMillis(), result.getLeft().describe());
            if (!sleep(jitter(pause))) {
                return result;
            }
            pause = pause.multipliedBy(2);
        }
    }

    static boolean retryable(RestError e, Idempotency kind) {
        return e.kind() == RestError.Kind.TRANSPORT && (kind == Idempotency.READ || !e.outcomeUnknown());
    }

    /** The one place a request is sent: one attempt, timed and recorded once, until its answer is read. */
    private Either<RestError, JsonNode> once(Credentials as, String method, byte[] body) {
        HttpPost post = new HttpPost(base.resolve(API + method));
        post.setHeader("Authorization", as.basicHeader());
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        RestRecorder.Call call = metrics.request(post.getMethod(), method);
        Answer answer;
        try {
            answer = http.execute(post, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            call.failed(Transient.reason(e));
            return Either.left(transport(method, e));
        } catch (RuntimeException e) {
            call.failed(RestRecorder.IO);
            throw e;
        }
        call.answered(answer.status());
        return decode(method, answer.status(), answer.body());
    }

    /** A status and the whole body, read before the connection goes back to the pool. */
    private record Answer(int status, byte[] body) {}

    private Either<RestError, JsonNode> decode(String method, int status, byte[] body) {
        if (status == 200) {
            if (body.length == 0) {
                return Either.right(MissingNode.getInstance());
            }
            try {
                return Either.right(json.readTree(body));
            } catch (IOException e) {
                return Either.left(new RestError(RestError.Kind.PROTOCOL, "", method + " answered something that is not "
                        + "JSON", status, false));
            }
        }
        if (status == 401 || status == 403) {
            return Either.left(new RestError(RestError.Kind.AUTH, "", "", status, false));
        }
        JsonNode error = parse(body);
        String code = error.path("code").asText("");
        if (code.startsWith("EZEBI_") && !Transient.gateway(status)) {
            String cause = error.path("extendedData").path("EX_CAUSE_MESSAGE").asText("");
            String message = error.path("message").asText(cause);
            return Either.left(new RestError(RestError.Kind.ARRAY, code, message, status, false));
        }
        // No array error body: a proxy, a gateway or a half-dead service answered. Only 503 says "not done".
        return Either.left(new RestError(RestError.Kind.TRANSPORT, "", method + " answered HTTP " + status, status,
                status != 503));
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MissingNode.getInstance() : json.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private RestError transport(String method, IOException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (Transient.tls(e)) {
            return new RestError(RestError.Kind.TLS, "", "TLS verification of " + base + " failed (" + what + "); give "
                    + "the array's CA in caFile, or set tlsVerify: false", 0, false);
        }
        if (Transient.beforeSending(e)) {
            return new RestError(RestError.Kind.TRANSPORT, "", "cannot connect to " + base + " (" + what + ")", 0, false);
        }
        String timing = Transient.timeout(e) ? "no answer in time" : "the connection broke";
        return new RestError(RestError.Kind.TRANSPORT, "", method + " on " + base + ": " + timing + " (" + what + ")", 0,
                true);
    }

    private static Duration jitter(Duration d) {
        return d.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, d.toMillis() / 4)));
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("closing the REST client of {} failed: {}", base, e.getMessage());
        }
    }
}
