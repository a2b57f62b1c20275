/** The CSI Identity service: who the plugin is, what it offers as a whole, and whether it is healthy. */
package io.csi4j.adapters.grpc.identity;
