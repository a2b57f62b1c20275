/**
 * Per-call request ids and the one structured log line per call, with requests rendered by a printer that
 * redacts every secret field and mount flag (CSI §1.7).
 */
package io.csi4j.adapters.grpc.logging;
