package io.csi4j.simulator.hammerspace;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The asynchronous tasks behind 202 answers (share create, update, delete, clone). A task runs by the plan the
 * faults give its type: with the default plan it completes before the 202 is sent; otherwise successive polls see
 * its intermediate statuses and then the terminal one, whose effect (or failure) is applied at that moment. A held
 * task reports EXECUTING until released, and then completes on its own as a real array would.
 */
final class Tasks {

    private static final int KEEP = 2000;

    private final Map<String, Task> byId = new LinkedHashMap<>();
    private final Faults faults;
    private final Clock clock;

    Tasks(Faults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    /** What a task does when it ends. */
    interface Outcome {
        /** The task completed: make its change visible. */
        void complete();

        /** The task ended in a failure status: undo what was prepared. */
        void fail();
    }

    /** Starts a task; returns its uuid. Runs the outcome at once when the plan says so. */
    String submit(String type, String subject, Outcome outcome) {
        TaskPlan plan = faults.planFor(type);
        Task t = new Task(UUID.randomUUID().toString(), type, subject, plan, outcome, clock.millis());
        synchronized (this) {
            byId.put(t.uuid, t);
            trim();
        }
        if (!plan.held() && plan.intermediate().isEmpty()) {
            t.finish();
        }
        return t.uuid;
    }

    /** One poll: advances the task by one status, as a real array's progress would between polls. */
    Optional<Map<String, Object>> poll(String uuid) {
        Task t;
        synchronized (this) {
            t = byId.get(uuid);
        }
        if (t == null) {
            return Optional.empty();
        }
        t.advance();
        return Optional.of(t.render());
    }

    /** Every task, oldest first (GET /tasks). */
    List<Map<String, Object>> all() {
        List<Task> copy;
        synchronized (this) {
            copy = new ArrayList<>(byId.values());
        }
        return copy.stream().map(Task::render).toList();
    }

    /** Whether a task of {@code type} for {@code subject} is still running. */
    boolean running(String type, String subject) {
        synchronized (this) {
            return byId.values().stream().anyMatch(t -> t.type.equals(type) && t.subject.equals(subject) && !t.isDone());
        }
    }

    /** Lets held tasks of {@code type} go on: each completes at once by its plan's terminal status. */
    void release(String type) {
        List<Task> held;
        synchronized (this) {
            held = byId.values().stream().filter(t -> t.type.equals(type) && t.held && !t.isDone()).toList();
        }
        held.forEach(Task::release);
    }

    private void trim() {
        var it = byId.entrySet().iterator();
        while (byId.size() > KEEP && it.hasNext()) {
            if (it.next().getValue().isDone()) {
                it.remove();
            }
        }
    }

    private static final class Task {
        final String uuid;
        final String type;
        final String subject;
        final Outcome outcome;
        final TaskPlan plan;
        final Deque<String> script;
        final long created;
        boolean held;
        String status = "EXECUTING";
        String message = "";
        long finished;

        Task(String uuid, String type, String subject, TaskPlan plan, Outcome outcome, long created) {
            this.uuid = uuid;
            this.type = type;
            this.subject = subject;
            this.plan = plan;
            this.outcome = outcome;
            this.script = new ArrayDeque<>(plan.intermediate());
            this.held = plan.held();
            this.created = created;
        }

        synchronized boolean isDone() {
            return finished != 0;
        }

        synchronized void advance() {
            if (finished != 0 || held) {
                return;
            }
            if (!script.isEmpty()) {
                status = script.poll();
                return;
            }
            finish();
        }

        synchronized void release() {
            held = false;
            script.clear();
            finish();
        }

        synchronized void finish() {
            if (finished != 0) {
                return;
            }
            if (plan.succeeds()) {
                outcome.complete();
            } else {
                outcome.fail();
            }
            status = plan.terminal();
            message = plan.message();
            finished = System.currentTimeMillis();
        }

        synchronized Map<String, Object> render() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", uuid);
            m.put("name", type);
            m.put("status", status);
            m.put("statusMessage", message);
            m.put("progress", finished != 0 ? 1.0 : 0.5);
            m.put("created", created);
            m.put("paramsMap", Map.of("name", subject, "created-by", "csi"));
            return m;
        }
    }
}
