package io.csi4j.ports.out.host.fake;

/** Thrown inside the fake when a call would block on a dead server; the fake ports turn it into Timeout. */
final class FakeFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FakeFault(String message) {
        super(message, null, false, false);
    }
}
