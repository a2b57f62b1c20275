package io.csi4j.simulator.hammerspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions: a form login with the configured account gets a cookie; every other call needs a cookie that
 * has not expired. Tests expire all sessions to drive clients through their re-login path.
 */
final class Sessions {

    static final String COOKIE = "hs-mgmt-session";

    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final String username;
    private final String password;
    private final Duration ttl;
    private final Clock clock;

    Sessions(String username, String password, Duration ttl, Clock clock) {
        this.username = username;
        this.password = password;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session id for the right account; empty for wrong credentials. */
    Optional<String> login(String user, String pass) {
        if (!username.equals(user) || !password.equals(pass)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        expiry.put(id, clock.instant().plus(ttl));
        return Optional.of(id);
    }

    /** Whether the Cookie header carries a live session. */
    boolean valid(Optional<String> cookieHeader) {
        if (cookieHeader.isEmpty()) {
            return false;
        }
        for (String part : cookieHeader.get().split(";")) {
            String p = part.trim();
            if (p.startsWith(COOKIE + "=")) {
                Instant until = expiry.get(p.substring(COOKIE.length() + 1));
                if (until != null && until.isAfter(clock.instant())) {
                    return true;
                }
            }
        }
        return false;
    }

    void expireAll() {
        expiry.clear();
    }

    int live() {
        Instant now = clock.instant();
        return (int) expiry.values().stream().filter(i -> i.isAfter(now)).count();
    }
}
