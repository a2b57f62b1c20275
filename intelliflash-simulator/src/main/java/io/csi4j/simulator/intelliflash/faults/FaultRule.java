package io.csi4j.simulator.intelliflash.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected fault for a REST method (or {@code *} for every method): extra latency, an HTTP error status, a
 * response that never comes (the client times out), or a dropped connection. {@code afterExecution} applies it
 * after the method ran, so the change happened but the client never learns it. {@code times} limits how often it
 * fires ({@code -1}: always).
 */
public record FaultRule(String method, Kind kind, int status, Duration delay, boolean afterExecution, int times) {

    /** What the fault does. */
    public enum Kind {
        LATENCY,
        STATUS,
        TIMEOUT,
        DROP
    }

    public FaultRule {
        Objects.requireNonNull(method, "'method' must not be null");
        Objects.requireNonNull(kind, "'kind' must not be null");
        Objects.requireNonNull(delay, "'delay' must not be null");
    }

    public static FaultRule latency(String method, Duration delay) {
        return new FaultRule(method, Kind.LATENCY, 0, delay, false, -1);
    }

    public static FaultRule status(String method, int status) {
        return new FaultRule(method, Kind.STATUS, status, Duration.ZERO, false, -1);
    }

    public static FaultRule timeout(String method, Duration hang) {
        return new FaultRule(method, Kind.TIMEOUT, 0, hang, false, -1);
    }

    public static FaultRule drop(String method) {
        return new FaultRule(method, Kind.DROP, 0, Duration.ZERO, false, -1);
    }

    public FaultRule times(int n) {
        return new FaultRule(method, kind, status, delay, afterExecution, n);
    }

    /** The same fault, applied after the method ran: the change happens, the answer is lost. */
    public FaultRule thenLost() {
        return new FaultRule(method, kind, status, delay, true, times);
    }

    boolean matches(String m) {
        return method.equals("*") || method.equals(m);
    }
}
