package io.csi4j.adapters.intelliflash.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A REST user and password, sent as HTTP Basic on every call. Never printed: {@link #toString()} hides both. */
public final class Credentials {

    private final String username;
    private final String password;

    public Credentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "'username' must not be null");
        this.password = Objects.requireNonNull(password, "'password' must not be null");
    }

    public String username() {
        return username;
    }

    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && c.username.equals(username) && c.password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "Credentials[user=(redacted)]";
    }
}
