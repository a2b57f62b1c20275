package io.csi4j.adapters.intelliflash.rest;

import io.csi4j.metrics.RestRecorder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * Classifies transport failures: whether the request can have reached the array at all. Only a failure before
 * the request was sent makes a write safe to repeat.
 */
final class Transient {

    private Transient() {}

    /** The connection was never made: the array cannot have seen the request. */
    static boolean beforeSending(IOException e) {
        return e instanceof ConnectException || e instanceof HttpHostConnectException
                || e instanceof ConnectTimeoutException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException;
    }

    static boolean tls(IOException e) {
        return e instanceof SSLHandshakeException
                || (e instanceof SSLException && String.valueOf(e.getMessage()).contains("certificate"));
    }

    static boolean timeout(IOException e) {
        return e instanceof InterruptedIOException;
    }

    /**
     * Why a call got no answer, as a metrics tag value: the TLS layer failed (tls), no connection was made
     * (connect), no answer in time (timeout), or the connection broke (io).
     */
    static String reason(IOException e) {
        if (e instanceof SSLException) {
            return RestRecorder.TLS;
        }
        if (beforeSending(e)) {
            return RestRecorder.CONNECT;
        }
        return timeout(e) ? RestRecorder.TIMEOUT : RestRecorder.IO;
    }

    /** Gateway errors and "unavailable": 503 means the request was refused, 502/504 that its fate is unknown. */
    static boolean gateway(int status) {
        return status == 502 || status == 503 || status == 504;
    }
}
