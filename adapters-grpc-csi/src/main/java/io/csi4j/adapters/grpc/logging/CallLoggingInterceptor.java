package io.csi4j.adapters.grpc.logging;

import com.google.protobuf.MessageOrBuilder;
import io.grpc.Context;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes one structured line per call when it ends: {@code rpc request_id code duration_ms request}, plus the
 * status message for errors. The request is rendered by {@link RedactingPrinter}, so no secret or mount flag is
 * ever logged. Successful chatty RPCs go to DEBUG, everything else to INFO, INTERNAL to WARN.
 */
public final class CallLoggingInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(CallLoggingInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        CallRecord record = new CallRecord(call.getMethodDescriptor().getBareMethodName(), RequestId.current());
        ServerCall<Q, R> logged = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                // Logged before closing, so the line is written before the client can see the outcome.
                record.finish(record.context.isCancelled() && status.isOk()
                        ? Status.CANCELLED.withDescription("the client cancelled or its deadline passed before the "
                                + "answer; the handler itself finished OK")
                        : status);
                super.close(status, trailers);
            }
        };
        return new SimpleForwardingServerCallListener<>(next.startCall(logged, headers)) {
            @Override
            public void onMessage(Q message) {
                record.request.set(message);
                super.onMessage(message);
            }

            @Override
            public void onCancel() {
                // Reached when no answer was sent at all; an answer sent too late is logged by close().
                record.finish(Status.CANCELLED.withDescription("the client cancelled or its deadline passed"));
                super.onCancel();
            }
        };
    }

    /** One call's facts, gathered from its callbacks; finished (and logged) once. */
    private static final class CallRecord {

        private final String rpc;
        private final String requestId;
        // The call's context is cancelled at once when the client gives up, before any listener callback runs.
        private final Context context = Context.current();
        private final long startNanos = System.nanoTime();
        private final AtomicReference<Object> request = new AtomicReference<>();
        private final AtomicBoolean finished = new AtomicBoolean();

        CallRecord(String rpc, String requestId) {
            this.rpc = rpc;
            this.requestId = requestId;
        }

        void finish(Status status) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            Level level = level(status);
            if (!LOG.isEnabledForLevel(level)) {
                return;
            }
            String rendered = request.get() instanceof MessageOrBuilder m ? RedactingPrinter.print(m) : "{}";
            if (status.isOk()) {
                LOG.atLevel(level).log("rpc={} request_id={} code=OK duration_ms={} request={}", rpc, requestId, ms,
                        rendered);
            } else {
                LOG.atLevel(level).log("rpc={} request_id={} code={} duration_ms={} request={} message=\"{}\"", rpc,
                        requestId, status.getCode(), ms, rendered, status.getDescription());
            }
        }

        private Level level(Status status) {
            if (status.getCode() == Status.Code.INTERNAL || status.getCode() == Status.Code.UNKNOWN) {
                return Level.WARN;
            }
            return status.isOk() && RpcVerbosity.isChatty(rpc) ? Level.DEBUG : Level.INFO;
        }
    }
}
