package io.csi4j.simulator.hammerspace;

import java.util.List;
import java.util.Objects;

/**
 * How a simulated task runs: the statuses successive polls report before the end, the terminal status, its
 * message, and whether it is held in EXECUTING until a test releases it (a task that outlives the client's
 * deadline).
 *
 * @param intermediate statuses reported by successive polls before the terminal one (e.g. VALIDATING, VALIDATED)
 * @param terminal COMPLETED, or a failure status such as FAILED, CANCELLED, VALIDATION_FAILED
 */
public record TaskPlan(List<String> intermediate, String terminal, String message, boolean held) {

    public static final String COMPLETED = "COMPLETED";

    public TaskPlan {
        intermediate = List.copyOf(intermediate);
        Objects.requireNonNull(terminal, "'terminal' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
    }

    /** Completes at once: the effect is visible when the 202 is answered. */
    public static TaskPlan immediate() {
        return new TaskPlan(List.of(), COMPLETED, "", false);
    }

    /** Reports {@code statuses} to successive polls, then COMPLETED. */
    public static TaskPlan through(String... statuses) {
        return new TaskPlan(List.of(statuses), COMPLETED, "", false);
    }

    /** Reports {@code statuses} to successive polls, then ends with {@code terminal} and {@code message}. */
    public static TaskPlan failing(String terminal, String message, String... statuses) {
        return new TaskPlan(List.of(statuses), terminal, message, false);
    }

    /** Stays EXECUTING until released. */
    public static TaskPlan holding() {
        return new TaskPlan(List.of(), COMPLETED, "", true);
    }

    boolean succeeds() {
        return terminal.equals(COMPLETED);
    }
}
