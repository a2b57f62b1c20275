package io.csi4j.ports.out.host;

import java.util.Objects;

/** One logged-in iSCSI session: its id on this node, the portal it goes through, and the target. */
public record IscsiSession(int id, String portal, String targetIqn) {

    public IscsiSession {
        Objects.requireNonNull(portal, "'portal' must not be null");
        Objects.requireNonNull(targetIqn, "'targetIqn' must not be null");
    }
}
