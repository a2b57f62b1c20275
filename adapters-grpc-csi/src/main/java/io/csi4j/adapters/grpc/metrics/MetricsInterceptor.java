package io.csi4j.adapters.grpc.metrics;

import io.csi4j.metrics.RpcRecorder;
import io.grpc.Context;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Times every call from its arrival to the status the plugin sends, by service, method and status code; a call the
 * client gave up on before any answer counts as CANCELLED. Sits outside the guard that turns escaped exceptions into
 * INTERNAL, so it sees the status the CO sees.
 */
public final class MetricsInterceptor implements ServerInterceptor {

    private final RpcRecorder recorder;

    public MetricsInterceptor(RpcRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        var method = call.getMethodDescriptor();
        RpcRecorder.Call timed = recorder.started(method.getServiceName(), method.getBareMethodName());
        AtomicBoolean ended = new AtomicBoolean();
        // Cancelled at once when the client gives up, even while the handler still runs (its listener callbacks are
        // serialised, so onCancel would only arrive after the late answer).
        Context context = Context.current();
        ServerCall<Q, R> recorded = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (ended.compareAndSet(false, true)) {
                    timed.finished(context.isCancelled() && status.isOk() ? Status.Code.CANCELLED.name()
                            : status.getCode().name());
                }
                super.close(status, trailers);
            }
        };
        return new SimpleForwardingServerCallListener<>(next.startCall(recorded, headers)) {
            @Override
            public void onCancel() {
                // The client gave up before an answer: the handler's late answer, if any, is not counted again.
                if (ended.compareAndSet(false, true)) {
                    timed.finished(Status.Code.CANCELLED.name());
                }
                super.onCancel();
            }
        };
    }
}
