package io.csi4j.metrics;

/**
 * Records REST calls to a storage array; one recorder per configured backend. A REST client calls {@link #request}
 * before it sends a request and ends the returned call once, with the HTTP status or with why there was none.
 * {@code endpoint} must be the API's endpoint template ({@code listShares}, {@code /shares/{name}}), never a path
 * holding a volume name: tag values have to stay a small set.
 */
public interface RestRecorder {

    /** {@link Call#failed} reason: no answer in time once the request was sent. */
    String TIMEOUT = "timeout";
    /** {@link Call#failed} reason: no connection was made (refused, unreachable, unknown host, connect timeout). */
    String CONNECT = "connect";
    /** {@link Call#failed} reason: TLS failed (an untrusted certificate, a wrong host name, a peer without TLS). */
    String TLS = "tls";
    /** {@link Call#failed} reason: the connection broke some other way before the answer was read. */
    String IO = "io";

    /** A request with HTTP {@code method} to {@code endpoint} is about to be sent. */
    Call request(String method, String endpoint);

    /** One request in progress. */
    interface Call {
        /** The array answered with this HTTP status. */
        void answered(int status);

        /**
         * No answer: {@code reason} is a short fixed word, one of {@link RestRecorder#TIMEOUT}, {@link
         * RestRecorder#CONNECT}, {@link RestRecorder#TLS} and {@link RestRecorder#IO}.
         */
        void failed(String reason);
    }
}
