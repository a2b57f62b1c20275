package io.csi4j.adapters.intelliflash.rest;

/**
 * Whether repeating a call is harmless, which decides what may be retried: reads after any transient failure,
 * writes only when the array cannot have seen the request (connection refused, 503).
 */
public enum Idempotency {
    READ,
    WRITE
}
