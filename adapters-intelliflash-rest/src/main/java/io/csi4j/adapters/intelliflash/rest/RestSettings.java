package io.csi4j.adapters.intelliflash.rest;

import java.time.Duration;

/**
 * Transport limits of one array client.
 *
 * @param connectTimeout time to establish a TCP+TLS connection
 * @param responseTimeout time to wait for an answer once the request is sent
 * @param maxConnections connections kept to the array (calls beyond wait for one)
 * @param retries extra attempts for a transient failure that may be retried
 * @param backoff pause before the first retry; doubled for each further one
 */
public record RestSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections, int retries,
        Duration backoff) {

    public static final RestSettings DEFAULT = new RestSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 128, 3,
            Duration.ofMillis(200));

    public RestSettings {
        if (maxConnections < 1 || retries < 0) {
            throw new IllegalArgumentException("maxConnections must be >= 1 and retries >= 0");
        }
    }

    public RestSettings withTimeouts(Duration connect, Duration response) {
        return new RestSettings(connect, response, maxConnections, retries, backoff);
    }

    public RestSettings withRetries(int n, Duration pause) {
        return new RestSettings(connectTimeout, responseTimeout, maxConnections, n, pause);
    }
}
