/** How a node reaches a volume's data, and its encoding into volume_context. */
package io.csi4j.domain.datapath;
