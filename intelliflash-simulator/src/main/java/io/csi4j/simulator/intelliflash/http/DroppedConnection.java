package io.csi4j.simulator.intelliflash.http;

import java.io.Serial;

/**
 * Thrown out of a handler to make the JDK server close the connection without an answer: the client sees the
 * connection drop, as when an array or a proxy dies mid-request.
 */
final class DroppedConnection extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    DroppedConnection(String method) {
        super("injected fault: connection dropped during " + method, null, false, false);
    }
}
