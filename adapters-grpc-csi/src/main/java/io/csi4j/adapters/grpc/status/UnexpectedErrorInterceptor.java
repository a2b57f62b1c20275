package io.csi4j.adapters.grpc.status;

import io.csi4j.adapters.grpc.logging.RequestId;
import io.csi4j.domain.failure.Failure;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception escaping a handler into INTERNAL with a readable message (CSI §1.9): left alone, grpc-java
 * would answer UNKNOWN with an empty message. The message names the RPC, the exception type and the request id,
 * never the exception's own text (which could quote request values); the stack trace goes to the log.
 */
public final class UnexpectedErrorInterceptor implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorInterceptor.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        GuardedCall<Q, R> guarded = new GuardedCall<>(call);
        try {
            return new GuardedListener<>(next.startCall(guarded, headers), guarded);
        } catch (RuntimeException e) {
            guarded.fail(e);
            return new ServerCall.Listener<>() {};
        }
    }

    /** Remembers whether the handler already closed the call, so a late exception does not close it twice. */
    private static final class GuardedCall<Q, R> extends SimpleForwardingServerCall<Q, R> {

        private final AtomicBoolean closed = new AtomicBoolean();

        GuardedCall(ServerCall<Q, R> delegate) {
            super(delegate);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed.set(true);
            super.close(status, trailers);
        }

        void fail(RuntimeException e) {
            String rpc = getMethodDescriptor().getBareMethodName();
            if (isCancelled()) {
                LOG.debug("rpc={} request_id={} failed after the client cancelled", rpc, RequestId.current(), e);
                return;
            }
            LOG.error("rpc={} request_id={} unexpected exception", rpc, RequestId.current(), e);
            if (closed.compareAndSet(false, true)) {
                super.close(FailureStatus.status(Failure.defect("internal error in " + rpc + " ("
                        + e.getClass().getSimpleName() + ", request_id=" + RequestId.current()
                        + "); the plugin log has the details")), new Metadata());
            }
        }
    }

    private static final class GuardedListener<Q, R> extends SimpleForwardingServerCallListener<Q> {

        private final GuardedCall<Q, R> call;

        GuardedListener(ServerCall.Listener<Q> delegate, GuardedCall<Q, R> call) {
            super(delegate);
            this.call = call;
        }

        @Override
        public void onMessage(Q message) {
            guard(() -> super.onMessage(message));
        }

        @Override
        public void onHalfClose() {
            guard(super::onHalfClose);
        }

        @Override
        public void onCancel() {
            guard(super::onCancel);
        }

        @Override
        public void onComplete() {
            guard(super::onComplete);
        }

        @Override
        public void onReady() {
            guard(super::onReady);
        }

        private void guard(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                call.fail(e);
            }
        }
    }
}
