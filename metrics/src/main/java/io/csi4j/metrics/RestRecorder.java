package io.csi4j.metrics;

/**
 * Records REST calls to a storage array; one recorder per configured backend. A REST client calls {@link #request}
 * before it sends a request and ends the returned call once, with the HTTP status or with why there was none.
 * {@code endpoint} must be the API's endpoint template ({@code listShares}, {@code /shares/{name}}), never a path
 * holding a volume name: tag values have to stay a small set.
 */
public interface RestRecorder {

    /** A request with HTTP {@code method} to {@code endpoint} is about to be sent. */
    Call request(String method, String endpoint);

    /** One request in progress. */
    interface Call {
        /** The array answered with this HTTP status. */
        void answered(int status);

        /** No answer: {@code reason} is a short fixed word such as timeout, connect or tls. */
        void failed(String reason);
    }
}
