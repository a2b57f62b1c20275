package io.csi4j.simulator.intelliflash.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault injection switchboard and the call counter: tests add rules per method, and read how often each
 * method was called (to prove, for example, that a write was not retried).
 */
public final class Faults {

    private final List<FaultRule> rules = new ArrayList<>();
    private final List<AtomicInteger> remaining = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    /** Latency added to every call. */
    public void latency(Duration d) {
        latency = d;
    }

    public Duration latency() {
        return latency;
    }

    public synchronized void add(FaultRule rule) {
        rules.add(rule);
        remaining.add(new AtomicInteger(rule.times()));
    }

    public synchronized void clear() {
        rules.clear();
        remaining.clear();
        latency = Duration.ZERO;
    }

    /** The first rule for {@code method} that still fires, consuming one of its firings. */
    public synchronized Optional<FaultRule> next(String method) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule r = rules.get(i);
            AtomicInteger left = remaining.get(i);
            if (r.matches(method) && left.get() != 0) {
                left.decrementAndGet();
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public void called(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    public int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> calls() {
        Map<String, Integer> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void resetCalls() {
        calls.clear();
    }
}
