package io.csi4j.simulator.intelliflash.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Bodies;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import io.csi4j.simulator.intelliflash.faults.Faults;
import io.csi4j.simulator.intelliflash.methods.MethodTable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /zebi/api/v2/<method>} (and {@code /zebi/api/v1/listSystemProperties}): Basic authentication on
 * every call, GET or POST, positional or {@code argN_} bodies, the injected faults, and the answer encodings of
 * the array (JSON, bare values, empty bodies, EZEBI errors with a non-200 status).
 */
public final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    static final String V2 = "/zebi/api/v2/";
    static final String V1 = "/zebi/api/v1/";
    /** The status of application errors; clients must read the EZEBI code from the body, not the status. */
    static final int ERROR_STATUS = 500;

    private final ObjectMapper json;
    private final MethodTable methods;
    private final Faults faults;
    private final BasicAuth auth;

    public ApiHandler(ObjectMapper json, MethodTable methods, Faults faults, BasicAuth auth) {
        this.json = json;
        this.methods = methods;
        this.faults = faults;
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String name = methodName(ex.getRequestURI().getPath());
        faults.called(name);
        if (!auth.accepts(ex)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"zebi\"");
            Responses.error(json, ex, 401, new ZebiError("EZEBI_PERMISSION_DENIED", "authentication failed"));
            return;
        }
        if (!ex.getRequestMethod().equals("POST") && !ex.getRequestMethod().equals("GET")) {
            Responses.error(json, ex, 405, ZebiError.invalid("method " + ex.getRequestMethod() + " is not allowed"));
            return;
        }
        sleep(faults.latency());
        Optional<FaultRule> fault = faults.next(name);
        if (fault.isPresent() && !fault.get().afterExecution() && inject(ex, fault.get(), name)) {
            return;
        }
        byte[] body = read(ex.getRequestBody());
        Object result;
        try {
            Method method = methods.get(name).orElseThrow(() -> ZebiError.invalid("unknown method " + name));
            result = method.call(new Args(name, Bodies.positional(json, body)));
        } catch (ZebiError e) {
            LOG.debug("call={} code={} message={}", name, e.code(), e.getMessage());
            if (fault.isPresent() && fault.get().afterExecution() && inject(ex, fault.get(), name)) {
                return;
            }
            Responses.error(json, ex, ERROR_STATUS, e);
            return;
        }
        if (fault.isPresent() && fault.get().afterExecution() && inject(ex, fault.get(), name)) {
            return;
        }
        if (result == Method.VOID) {
            Responses.empty(ex, 200);
        } else {
            Responses.json(json, ex, 200, result);
        }
    }

    /** Applies a fault; true when it answered (or dropped) the call. */
    private boolean inject(HttpExchange ex, FaultRule f, String name) throws IOException {
        switch (f.kind()) {
            case LATENCY -> {
                sleep(f.delay());
                return false;
            }
            case STATUS -> {
                Responses.error(json, ex, f.status(), new ZebiError("EZEBI_GENERAL", "injected fault: HTTP " + f.status()));
                return true;
            }
            case TIMEOUT -> {
                sleep(f.delay());
                throw new DroppedConnection(name);
            }
            case DROP -> throw new DroppedConnection(name);
            default -> throw new IllegalStateException("unknown fault " + f.kind());
        }
    }

    static String methodName(String path) {
        if (path.startsWith(V2)) {
            return path.substring(V2.length());
        }
        if (path.startsWith(V1)) {
            return path.substring(V1.length());
        }
        return path;
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
