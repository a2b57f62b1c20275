package io.csi4j.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every REST call it is told of, as {@code "METHOD endpoint status"}; a call ended twice is a test failure. */
public final class RecordingRestRecorder implements RestRecorder {

    private final AtomicInteger started = new AtomicInteger();
    private final List<String> ended = new CopyOnWriteArrayList<>();

    @Override
    public Call request(String method, String endpoint) {
        started.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        return new Call() {
            @Override
            public void answered(int status) {
                end(Integer.toString(status));
            }

            @Override
            public void failed(String reason) {
                end(reason);
            }

            private void end(String status) {
                if (!done.compareAndSet(false, true)) {
                    throw new AssertionError(method + " " + endpoint + " ended twice (again with " + status + ")");
                }
                ended.add(method + " " + endpoint + " " + status);
            }
        };
    }

    /** The calls that ended, in order. */
    public List<String> calls() {
        return List.copyOf(ended);
    }

    /** Calls started: equal to {@code calls().size()} when every call was ended. */
    public int started() {
        return started.get();
    }
}
