/**
 * Outbound ports to the Linux host that node plugins need: the mount table, mounting, loop devices,
 * filesystems, block devices, statfs, and confined path operations. Each decides from the host's real state.
 */
package io.csi4j.ports.out.host;
