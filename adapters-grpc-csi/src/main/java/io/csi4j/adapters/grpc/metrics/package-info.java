/** Per-call metrics of the CSI services: count and latency by service, method and final status code. */
package io.csi4j.adapters.grpc.metrics;
