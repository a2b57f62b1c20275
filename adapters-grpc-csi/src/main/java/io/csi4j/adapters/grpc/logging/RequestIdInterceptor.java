package io.csi4j.adapters.grpc.logging;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.slf4j.MDC;

/**
 * Gives every call a request id, in the gRPC {@link Context} for the whole call and in the SLF4J MDC while any
 * of the call's callbacks runs (callbacks of one call may run on different handler threads).
 */
public final class RequestIdInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String id = RequestId.of(headers);
        Context context = Context.current().withValue(RequestId.CONTEXT_KEY, id);
        return new MdcListener<>(Contexts.interceptCall(context, call, headers, next), id);
    }

    private static final class MdcListener<Q> extends SimpleForwardingServerCallListener<Q> {

        private final String id;

        MdcListener(ServerCall.Listener<Q> delegate, String id) {
            super(delegate);
            this.id = id;
        }

        @Override
        public void onMessage(Q message) {
            withMdc(() -> super.onMessage(message));
        }

        @Override
        public void onHalfClose() {
            withMdc(super::onHalfClose);
        }

        @Override
        public void onCancel() {
            withMdc(super::onCancel);
        }

        @Override
        public void onComplete() {
            withMdc(super::onComplete);
        }

        @Override
        public void onReady() {
            withMdc(super::onReady);
        }

        private void withMdc(Runnable callback) {
            String previous = MDC.get(RequestId.MDC_KEY);
            MDC.put(RequestId.MDC_KEY, id);
            try {
                callback.run();
            } finally {
                if (previous == null) {
                    MDC.remove(RequestId.MDC_KEY);
                } else {
                    MDC.put(RequestId.MDC_KEY, previous);
                }
            }
        }
    }
}
