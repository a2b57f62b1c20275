/** The CSI Node service. */
package io.csi4j.adapters.grpc.node;
