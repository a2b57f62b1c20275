/**
 * Observability of the running process: the recorders the adapters write into, and, when {@code metricsAddress} is
 * set, the HTTP endpoint serving Prometheus metrics ({@code /metrics}) and a health check ({@code /healthz}).
 */
package io.csi4j.bootstrap.metrics;
