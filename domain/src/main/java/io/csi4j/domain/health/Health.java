package io.csi4j.domain.health;

/** How a component feels: ready, still starting, or broken (CSI Probe semantics). */
public sealed interface Health {

    String detail();

    /** Serving; calls are expected to work. */
    record Ready(String detail) implements Health {}

    /** Healthy but still initialising; calls may fail meanwhile. */
    record Starting(String detail) implements Health {}

    /** Unhealthy or a required dependency is missing; may need a restart or an admin. */
    record Broken(String detail) implements Health {}

    static Health ready() {
        return new Ready("ready");
    }

    /** The worst of two: Broken over Starting over Ready; details of the worse are kept. */
    default Health and(Health other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Health h) {
        return switch (h) {
            case Ready r -> 0;
            case Starting s -> 1;
            case Broken b -> 2;
        };
    }
}
