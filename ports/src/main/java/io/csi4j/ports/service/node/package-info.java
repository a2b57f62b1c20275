/**
 * The node-side use cases: staging, publishing, stats and expansion of volumes on this host, decided from the
 * host's real state (mount table, loop devices, filesystems, stage records) through the host out-ports only.
 */
package io.csi4j.ports.service.node;
