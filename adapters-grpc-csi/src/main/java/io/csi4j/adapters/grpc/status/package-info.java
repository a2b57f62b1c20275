/** The single place where domain failures become gRPC status codes, and the unary reply helper built on it. */
package io.csi4j.adapters.grpc.status;
