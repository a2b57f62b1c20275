/**
 * The gRPC server on the CSI endpoint (a unix socket, or TCP for tools), with the interceptor chain every service
 * gets.
 */
package io.csi4j.adapters.grpc.server;
