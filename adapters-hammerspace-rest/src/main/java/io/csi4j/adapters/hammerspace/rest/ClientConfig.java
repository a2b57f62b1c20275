package io.csi4j.adapters.hammerspace.rest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Anvil's management API.
 *
 * @param endpoint {@code https://host[:port]}; the API lives under {@code /mgmt/v1.2/rest}
 * @param tlsVerify whether the server certificate and host name are verified (the default; the original plugin
 *     verified nothing unless told to)
 * @param caFile PEM certificates to trust instead of the JVM's trust store, when the Anvil's certificate is private
 * @param requestTimeout how long one HTTP exchange may take (connect and response each)
 * @param taskTimeout how long an asynchronous task (202 + Location) is polled before the call answers Timeout
 * @param pollStart the first pause between task polls; it doubles up to {@code pollMax}
 * @param maxConnections connections kept to the Anvil; bounds how many calls run at once
 */
public record ClientConfig(
        URI endpoint,
        String username,
        Secret password,
        boolean tlsVerify,
        Optional<Path> caFile,
        Duration requestTimeout,
        Duration taskTimeout,
        Duration pollStart,
        Duration pollMax,
        int maxConnections,
        String userAgent) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_POLL_START = Duration.ofMillis(25);
    public static final Duration DEFAULT_POLL_MAX = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_CONNECTIONS = 128;

    public ClientConfig {
        Objects.requireNonNull(endpoint, "'endpoint' must not be null");
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        Objects.requireNonNull(caFile, "'caFile' must not be null");
        Objects.requireNonNull(userAgent, "'userAgent' must not be null");
        if (!"https".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the endpoint must be an https:// URL with a host: " + endpoint);
        }
        if (maxConnections < 1 || requestTimeout.isNegative() || requestTimeout.isZero() || taskTimeout.isNegative()
                || pollStart.isNegative() || pollMax.compareTo(pollStart) < 0) {
            throw new IllegalArgumentException("inconsistent client timeouts or connection limit");
        }
    }

    /** Verified TLS with the JVM's trust store and the default timeouts. */
    public static ClientConfig of(URI endpoint, String username, Secret password) {
        return new ClientConfig(endpoint, username, password, true, Optional.empty(), DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_TASK_TIMEOUT, DEFAULT_POLL_START, DEFAULT_POLL_MAX, DEFAULT_MAX_CONNECTIONS, "csi4j");
    }

    public ClientConfig withTls(boolean verify, Optional<Path> ca) {
        return new ClientConfig(endpoint, username, password, verify, ca, requestTimeout, taskTimeout, pollStart,
                pollMax, maxConnections, userAgent);
    }

    public ClientConfig withTimeouts(Duration request, Duration task, Duration start, Duration max) {
        return new ClientConfig(endpoint, username, password, tlsVerify, caFile, request, task, start, max,
                maxConnections, userAgent);
    }

    public ClientConfig withConnections(int max, String agent) {
        return new ClientConfig(endpoint, username, password, tlsVerify, caFile, requestTimeout, taskTimeout,
                pollStart, pollMax, max, agent);
    }
}
