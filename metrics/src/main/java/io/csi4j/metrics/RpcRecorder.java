package io.csi4j.metrics;

/** Records CSI calls: the gRPC adapter starts a call when it arrives and finishes it with the status it sends. */
public interface RpcRecorder {

    /** A call of {@code service} (e.g. csi.v1.Controller) and {@code method} (e.g. CreateVolume) has started. */
    Call started(String service, String method);

    /** One call in progress. */
    interface Call {
        /** The call ended with this gRPC status code name (OK, ABORTED, ...); only the first end counts. */
        void finished(String code);
    }
}
