package io.csi4j.ports.out.host;

import java.util.Objects;
import java.util.Optional;

/**
 * CHAP credentials for an iSCSI login: the initiator's name and secret, and for mutual CHAP the target's ones
 * (the {@code _in} pair). Never printed: {@link #toString()} names only the user.
 */
public record ChapCredentials(String username, String password, Optional<String> usernameIn,
        Optional<String> passwordIn) {

    public ChapCredentials {
        Objects.requireNonNull(username, "'username' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        Objects.requireNonNull(usernameIn, "'usernameIn' must not be null");
        Objects.requireNonNull(passwordIn, "'passwordIn' must not be null");
        if (usernameIn.isPresent() != passwordIn.isPresent()) {
            throw new IllegalArgumentException("mutual CHAP needs both the target's user name and its secret");
        }
    }

    public static ChapCredentials oneWay(String username, String password) {
        return new ChapCredentials(username, password, Optional.empty(), Optional.empty());
    }

    /** The target authenticates itself too. */
    public boolean mutual() {
        return usernameIn.isPresent();
    }

    @Override
    public String toString() {
        return "ChapCredentials[user=" + username + (mutual() ? ", mutual" : "") + ", secrets redacted]";
    }
}
