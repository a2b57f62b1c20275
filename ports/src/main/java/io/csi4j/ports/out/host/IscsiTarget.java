package io.csi4j.ports.out.host;

import java.util.Objects;

/** A target a portal offers, as SendTargets discovery reports it. */
public record IscsiTarget(String portal, String targetIqn) {

    public IscsiTarget {
        Objects.requireNonNull(portal, "'portal' must not be null");
        Objects.requireNonNull(targetIqn, "'targetIqn' must not be null");
    }
}
