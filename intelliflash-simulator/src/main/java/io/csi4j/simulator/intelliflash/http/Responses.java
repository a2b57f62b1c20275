package io.csi4j.simulator.intelliflash.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes the array's answers: JSON bodies, empty bodies for void methods, and EZEBI error bodies. */
final class Responses {

    private Responses() {}

    static void json(ObjectMapper json, HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void empty(HttpExchange ex, int status) throws IOException {
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    static void error(ObjectMapper json, HttpExchange ex, int status, ZebiError e) throws IOException {
        json(json, ex, status, Map.of("code", e.code(), "message", e.getMessage(), "details", e.getMessage(),
                "extendedData", Map.of("EX_CAUSE_MESSAGE", e.getMessage())));
    }
}
