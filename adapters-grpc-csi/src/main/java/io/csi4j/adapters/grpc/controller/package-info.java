/** The CSI Controller service: volume and snapshot lifecycle RPCs served by the controller use cases. */
package io.csi4j.adapters.grpc.controller;
