/** Topology segments, requirements, and the placement rule of CSI §3.2.4. */
package io.csi4j.domain.topology;
