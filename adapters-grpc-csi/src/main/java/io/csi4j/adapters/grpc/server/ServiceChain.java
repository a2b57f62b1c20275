package io.csi4j.adapters.grpc.server;

import io.csi4j.adapters.grpc.logging.CallLoggingInterceptor;
import io.csi4j.adapters.grpc.logging.RequestIdInterceptor;
import io.csi4j.adapters.grpc.metrics.MetricsInterceptor;
import io.csi4j.adapters.grpc.status.UnexpectedErrorInterceptor;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RpcRecorder;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Wraps a CSI service in the interceptors every call goes through, outermost first: request id (so every
 * later line carries it), metrics and call logging (so they see the final status), then the guard that turns an
 * escaped exception into INTERNAL.
 */
public final class ServiceChain {

    private ServiceChain() {}

    public static ServerServiceDefinition wrap(BindableService service) {
        return wrap(service, Recorders.none().rpc());
    }

    public static ServerServiceDefinition wrap(BindableService service, RpcRecorder metrics) {
        // ServerInterceptors.intercept runs the last interceptor first.
        return ServerInterceptors.intercept(service, new UnexpectedErrorInterceptor(), new CallLoggingInterceptor(),
                new MetricsInterceptor(metrics), new RequestIdInterceptor());
    }
}
