package io.csi4j.adapters.grpc.controller;

import io.csi4j.adapters.grpc.Advertised;
import io.csi4j.domain.capability.ControllerCapability;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;

/**
 * Guards capability-gated RPCs (CSI §1.1, §3.1): an RPC whose capability is not advertised answers
 * UNIMPLEMENTED, so the CO reads capabilities instead of retrying.
 */
final class CapabilityGate {

    private CapabilityGate() {}

    static Either<Failure, Done> require(Advertised advertised, ControllerCapability capability, String rpc) {
        if (advertised.has(capability)) {
            return Either.right(Done.DONE);
        }
        return Either.left(Failure.unsupported(rpc + " is not offered: this plugin does not advertise " + capability));
    }
}
