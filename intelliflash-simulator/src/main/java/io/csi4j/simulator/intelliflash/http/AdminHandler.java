package io.csi4j.simulator.intelliflash.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.faults.FaultRule;
import io.csi4j.simulator.intelliflash.faults.Faults;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The simulator's own control API under {@code /sim/} (same credentials as the array API), for tests that run
 * the simulator in another process: {@code GET state}, {@code GET exports}, {@code GET calls},
 * {@code POST faults} (a rule as JSON), {@code POST latency} ({@code {"millis": n}}), {@code DELETE faults}.
 */
public final class AdminHandler implements HttpHandler {

    private final ObjectMapper json;
    private final ArrayModel model;
    private final Faults faults;
    private final BasicAuth auth;

    public AdminHandler(ObjectMapper json, ArrayModel model, Faults faults, BasicAuth auth) {
        this.json = json;
        this.model = model;
        this.faults = faults;
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!auth.accepts(ex)) {
            Responses.error(json, ex, 401, new ZebiError("EZEBI_PERMISSION_DENIED", "authentication failed"));
            return;
        }
        String what = ex.getRequestMethod() + " " + ex.getRequestURI().getPath().substring("/sim/".length());
        try {
            switch (what) {
                case "GET state" -> Responses.json(json, ex, 200, StateDump.state(model));
                case "GET exports" -> Responses.json(json, ex, 200, StateDump.exports(model));
                case "GET calls" -> Responses.json(json, ex, 200, faults.calls());
                case "DELETE calls" -> {
                    faults.resetCalls();
                    Responses.empty(ex, 200);
                }
                case "POST faults" -> {
                    faults.add(rule(json.readTree(ex.getRequestBody())));
                    Responses.empty(ex, 200);
                }
                case "POST latency" -> {
                    faults.latency(Duration.ofMillis(json.readTree(ex.getRequestBody()).path("millis").asLong()));
                    Responses.empty(ex, 200);
                }
                case "DELETE faults" -> {
                    faults.clear();
                    Responses.empty(ex, 200);
                }
                default -> Responses.error(json, ex, 404, ZebiError.invalid("unknown control call " + what));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            Responses.error(json, ex, 400, ZebiError.invalid("bad fault rule: " + e.getMessage()));
        }
    }

    private static FaultRule rule(JsonNode r) {
        return new FaultRule(r.path("method").asText("*"),
                FaultRule.Kind.valueOf(r.path("kind").asText().toUpperCase(Locale.ROOT)),
                r.path("status").asInt(0), Duration.ofMillis(r.path("millis").asLong(0)),
                r.path("afterExecution").asBoolean(false), r.path("times").asInt(-1));
    }
}
