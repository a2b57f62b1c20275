/** Inbound ports: the use cases the outside world (the CSI gRPC adapter, tools) calls, with their commands. */
package io.csi4j.ports.in;
