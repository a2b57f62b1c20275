package io.csi4j.adapters.grpc.logging;

import io.grpc.Context;
import io.grpc.Metadata;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that ties together every log line of one call: taken from the caller's {@code x-request-id} header
 * when it is a short token, otherwise generated. Carried in the gRPC {@link Context} and the SLF4J MDC.
 */
public final class RequestId {

    public static final Metadata.Key<String> HEADER = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    public static final Context.Key<String> CONTEXT_KEY = Context.key("csi4j.request_id");
    public static final String MDC_KEY = "request_id";

    // A caller-supplied id is logged verbatim, so only short, harmless tokens are accepted.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {}

    /** The id of the call being served, or empty outside a call. */
    public static String current() {
        String id = CONTEXT_KEY.get();
        return id == null ? "" : id;
    }

    static String of(Metadata headers) {
        String offered = headers.get(HEADER);
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : generate();
    }

    /** 12 hex digits: short enough to read, random enough not to collide among a process's calls. */
    static String generate() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
    }
}
