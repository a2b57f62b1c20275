package io.csi4j.adapters.hammerspace.rest;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RestRecorder;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.StandardCookieSpec;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP session with one Anvil: a pool of TLS connections, a cookie jar, and the login protocol. The first call
 * logs in with the form {@code username}/{@code password}; a 401 or 403 makes the client log in again once and
 * send the same request again, body included. Concurrent callers that all see the session expire share one
 * re-login. Transport problems become failures here: no answer in time is Timeout, a refused or untrusted
 * connection is Unavailable. Every request sent, logins included, is timed and recorded once into the backend's
 * {@link RestRecorder} with its endpoint template and the HTTP status, or why there was none.
 */
public final class HsHttp implements AutoCloseable {

    static final String BASE = "/mgmt/v1.2/rest";

    private final ClientConfig config;
    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final RestRecorder metrics;
    private final String base;
    private final Object loginLock = new Object();
    /** Incremented by every successful login; 0 before the first. */
    private final AtomicLong session = new AtomicLong();

    private HsHttp(ClientConfig config, CloseableHttpClient client, PoolingHttpClientConnectionManager pool,
            RestRecorder metrics) {
        this.config = config;
        this.client = client;
        this.pool = pool;
        this.metrics = metrics;
        String e = config.endpoint().toString();
        this.base = (e.endsWith("/") ? e.substring(0, e.length() - 1) : e) + BASE;
    }

    /** A client for the configured Anvil; no connection is made yet. InvalidArgument when TLS cannot be set up. */
    public static Either<Failure, HsHttp> create(ClientConfig config) {
        return create(config, Recorders.none().rest("hammerspace"));
    }

    /** Like {@link #create(ClientConfig)}, recording every request sent into {@code metrics}. */
    public static Either<Failure, HsHttp> create(ClientConfig config, RestRecorder metrics) {
        return TlsSetup.strategy(config.tlsVerify(), config.caFile()).map(tls -> {
            Timeout t = Timeout.of(config.requestTimeout());
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(tls)
                    .setMaxConnTotal(config.maxConnections())
                    .setMaxConnPerRoute(config.maxConnections())
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                            .setTimeToLive(TimeValue.ofMinutes(5)).setValidateAfterInactivity(TimeValue.ofSeconds(10))
                            .build())
                    .build();
            CloseableHttpClient client = HttpClients.custom()
                    .setConnectionManager(pool)
                    .setDefaultCookieStore(new BasicCookieStore())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t)
                            .setConnectionRequestTimeout(t).setCookieSpec(StandardCookieSpec.RELAXED).build())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableContentCompression()
                    .build();
            return new HsHttp(config, client, pool, metrics);
        });
    }

    public ClientConfig config() {
        return config;
    }

    /** Sends the request, logging in first if needed and once more on 401/403. */
    public Either<Failure, HsResponse> send(HsRequest request) {
        long seen = session.get();
        if (seen == 0) {
            Either<Failure, Done> in = relogin(0);
            if (in.isLeft()) {
                return Either.left(in.getLeft());
            }
            seen = session.get();
        }
        Either<Failure, HsResponse> first = exchange(request);
        if (first.isLeft() || !(first.get().is(401) || first.get().is(403))) {
            return first;
        }
        Either<Failure, Done> again = relogin(seen);
        if (again.isLeft()) {
            return Either.left(again.getLeft());
        }
        return exchange(request);
    }

    /** A fresh login, whatever the state of the session (the probe uses it). */
    public Either<Failure, Done> login() {
        return relogin(session.get());
    }

    /** Logs in unless another caller already did since {@code seen}. */
    private Either<Failure, Done> relogin(long seen) {
        synchronized (loginLock) {
            if (session.get() != seen) {
                return Either.right(Done.DONE);
            }
            String form = "username=" + URLEncoder.encode(config.username(), StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(config.password().reveal(), StandardCharsets.UTF_8);
            var request = ClassicRequestBuilder.post(URI.create(base + "/login"))
                    .setEntity(new ByteArrayEntity(form.getBytes(StandardCharsets.UTF_8),
                            ContentType.APPLICATION_FORM_URLENCODED))
                    .addHeader("Accept", "application/json")
                    .addHeader("X-User-Agent", config.userAgent())
                    .build();
            Either<Failure, HsResponse> r = execute("POST", "/login", request);
            if (r.isLeft()) {
                return Either.left(r.getLeft());
            }
            if (!r.get().is(200)) {
                return Either.left(new Failure.Unauthenticated("Hammerspace at " + config.endpoint()
                        + " refused the login of user '" + config.username() + "' (HTTP " + r.get().status() + ")"));
            }
            session.incrementAndGet();
            return Either.right(Done.DONE);
        }
    }

    private Either<Failure, HsResponse> exchange(HsRequest request) {
        var b = ClassicRequestBuilder.create(request.method())
                .setUri(URI.create(base + request.path()))
                .addHeader("Accept", "application/json")
                .addHeader("X-User-Agent", config.userAgent());
        request.body().ifPresent(body -> b.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON)));
        return execute(request.method(), request.template(), b.build());
    }

    /** The one place a request is sent: timed and recorded once, until its whole answer is read. */
    private Either<Failure, HsResponse> execute(String method, String endpoint,
            org.apache.hc.core5.http.ClassicHttpRequest request) {
        RestRecorder.Call call = metrics.request(method, endpoint);
        HsResponse answer;
        try {
            answer = client.execute(request, response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                Header location = response.getFirstHeader("Location");
                return new HsResponse(response.getCode(), body,
                        Optional.ofNullable(location).map(Header::getValue));
            });
        } catch (IOException e) {
            call.failed(reason(e));
            return Either.left(failure(method + " " + endpoint, e));
        } catch (RuntimeException e) {
            call.failed(RestRecorder.IO);
            throw e;
        }
        call.answered(answer.status());
        return Either.right(answer);
    }

    private Failure failure(String what, IOException e) {
        if (e instanceof InterruptedIOException) {
            return new Failure.Timeout("Hammerspace at " + config.endpoint() + " did not answer " + what
                    + " within " + config.requestTimeout().toSeconds() + " s");
        }
        if (e instanceof SSLHandshakeException) {
            return Failure.unavailable("TLS handshake with Hammerspace at " + config.endpoint()
                    + " failed (" + e.getMessage() + "); trust its CA with caFile, or set tlsVerify=false");
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof SSLException) {
            return Failure.unavailable("cannot reach Hammerspace at " + config.endpoint() + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return Failure.unavailable("Hammerspace at " + config.endpoint() + " failed " + what + ": "
                + e.getClass().getSimpleName() + " " + e.getMessage());
    }

    /**
     * Why a request got no answer, as a metrics tag value: the TLS layer failed (tls), no connection was made
     * (connect, a connect timeout included), no answer in time (timeout), or the connection broke (io).
     */
    static String reason(IOException e) {
        if (e instanceof SSLException) {
            return RestRecorder.TLS;
        }
        if (e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof NoRouteToHostException || e instanceof UnknownHostException) {
            return RestRecorder.CONNECT;
        }
        return e instanceof InterruptedIOException ? RestRecorder.TIMEOUT : RestRecorder.IO;
    }

    /** Connections leased or idle in the pool (for tests and metrics). */
    public int openConnections() {
        var stats = pool.getTotalStats();
        return stats.getLeased() + stats.getAvailable();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
