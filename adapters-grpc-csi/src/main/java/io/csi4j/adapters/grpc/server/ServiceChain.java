package io.csi4j.adapters.grpc.server;

import io.csi4j.adapters.grpc.logging.CallLoggingInterceptor;
import io.csi4j.adapters.grpc.logging.RequestIdInterceptor;
import io.csi4j.adapters.grpc.status.UnexpectedErrorInterceptor;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;

/**
 * Wraps a CSI service in the interceptors every call goes through, outermost first: request id (so every
 * later line carries it), call logging (so it sees the final status), then the guard that turns an escaped
 * exception into INTERNAL.
 */
public final class ServiceChain {

    private ServiceChain() {}

    public static ServerServiceDefinition wrap(BindableService service) {
        // ServerInterceptors.intercept runs the last interceptor first.
        return ServerInterceptors.intercept(service,
                new UnexpectedErrorInterceptor(), new CallLoggingInterceptor(), new RequestIdInterceptor());
    }
}
