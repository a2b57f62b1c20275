/**
 * The embedded default backend: volumes as directories or sparse image files under one root directory on
 * the local disk, with durable per-volume records and no in-memory index. Entry point: {@link
 * io.csi4j.adapters.local.LocalBackend#open(LocalBackendConfig)}.
 */
package io.csi4j.adapters.local;
