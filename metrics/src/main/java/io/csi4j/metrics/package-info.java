/**
 * What csi4j measures, behind recorder interfaces ({@link io.csi4j.metrics.RpcRecorder}, {@link
 * io.csi4j.metrics.CommandRecorder}, {@link io.csi4j.metrics.RestRecorder}) that adapters call at their
 * boundaries. {@link io.csi4j.metrics.Recorders#none()} records nothing and loads no meter library, for a process
 * with metrics off; {@link io.csi4j.metrics.Recorders#into} records into a Micrometer registry. Every meter name
 * and tag is in {@link io.csi4j.metrics.MeterNames}, and docs/observability.md lists them.
 */
package io.csi4j.metrics;
