package io.csi4j.adapters.grpc.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that runs RPC handlers. Handlers block (backend REST calls, mount, iscsiadm), so each call holds a
 * thread for its whole duration. The Kubernetes sidecars issue at most about 100 calls at once (the provisioner's
 * default worker count is 100, the attacher's, resizer's and snapshotter's 10 each), so 100 threads serve them
 * all in parallel. Threads are bounded, start only when calls arrive and stop after 30 s idle, so an idle plugin
 * holds none and startup creates none. Calls beyond the bound queue in order; the CO's deadlines bound the wait.
 */
final class HandlerExecutor {

    static final int DEFAULT_THREADS = 100;
    private static final long IDLE_SECONDS = 30;

    private HandlerExecutor() {}

    static ExecutorService create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("handler threads must be at least 1: " + threads);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("csi-handler-"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
