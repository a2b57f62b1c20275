/**
 * The CSI gRPC adapter: serves the Identity and Controller services over gRPC by calling the inbound ports,
 * maps protobuf to domain values and back, turns failures into gRPC status codes in one place, and logs every
 * call with secrets redacted.
 */
package io.csi4j.adapters.grpc;
