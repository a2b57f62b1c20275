package io.csi4j.simulator.hammerspace;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fault injection: latency on every request, error statuses for matching requests, task plans per task type
 * (intermediate and failure states, held tasks), and the status of {@code GET /files} for a missing path (the
 * real API answers 404 or 500). Thread-safe; tests change it while clients run.
 */
public final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private volatile int missingFileStatus = 404;
    private final List<RequestFault> requestFaults = new ArrayList<>();
    private final Map<String, Deque<TaskPlan>> nextPlans = new HashMap<>();
    private final Map<String, TaskPlan> standingPlans = new HashMap<>();

    /** Every request waits this long before it is handled. */
    public Faults latency(Duration d) {
        this.latency = d;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * The next {@code count} requests whose method is {@code method} (or any, when "*") and whose path below the API
     * base starts with {@code pathPrefix} get {@code status} instead of being handled.
     */
    public synchronized Faults failRequests(String method, String pathPrefix, int status, int count) {
        requestFaults.add(new RequestFault(method, pathPrefix, status, count));
        return this;
    }

    /** The next task of {@code type} (e.g. {@code share-create}) runs by {@code plan}. */
    public synchronized Faults nextTask(String type, TaskPlan plan) {
        nextPlans.computeIfAbsent(type, t -> new ArrayDeque<>()).add(plan);
        return this;
    }

    /** Every task of {@code type} runs by {@code plan} until cleared. */
    public synchronized Faults everyTask(String type, TaskPlan plan) {
        standingPlans.put(type, plan);
        return this;
    }

    /** {@code GET /files} answers this status (404 or 500) for a path that does not exist. */
    public Faults missingFileStatus(int status) {
        this.missingFileStatus = status;
        return this;
    }

    int missingFileStatus() {
        return missingFileStatus;
    }

    /** Removes every fault: no latency, no request faults, tasks complete at once. */
    public synchronized Faults clear() {
        latency = Duration.ZERO;
        missingFileStatus = 404;
        requestFaults.clear();
        nextPlans.clear();
        standingPlans.clear();
        return this;
    }

    synchronized TaskPlan planFor(String type) {
        Deque<TaskPlan> q = nextPlans.get(type);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        return standingPlans.getOrDefault(type, TaskPlan.immediate());
    }

    /** The injected status for this request, if a request fault matches (and uses one of its count). */
    synchronized Optional<Integer> injectedStatus(Call call) {
        String path = String.join("/", call.segments());
        for (var it = requestFaults.iterator(); it.hasNext(); ) {
            RequestFault f = it.next();
            if ((f.method.equals("*") || f.method.equalsIgnoreCase(call.method())) && path.startsWith(f.pathPrefix)) {
                f.remaining--;
                if (f.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(f.status);
            }
        }
        return Optional.empty();
    }

    private static final class RequestFault {
        final String method;
        final String pathPrefix;
        final int status;
        int remaining;

        RequestFault(String method, String pathPrefix, int status, int count) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            this.status = status;
            this.remaining = count;
        }
    }
}
