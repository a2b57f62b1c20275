package io.csi4j.adapters.iscsi;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the iSCSI adapter.
 *
 * @param commandTimeout limit for iscsiadm and multipath commands other than login and logout
 * @param loginTimeout limit for one login or logout command (the target may be slow to answer)
 * @param deviceWait how long a LUN's device may take to appear after its login
 * @param loginRetries {@code node.session.initial_login_retry_max} of the records this adapter makes: how often
 *     iscsid retries a first login that gets no answer, each try taking up to the record's login timeout
 */
public record IscsiConfig(Duration commandTimeout, Duration loginTimeout, Duration deviceWait, int loginRetries) {

    public IscsiConfig {
        positive("commandTimeout", commandTimeout);
        positive("loginTimeout", loginTimeout);
        positive("deviceWait", deviceWait);
        if (loginRetries < 1 || loginRetries > 16) {
            throw new IllegalArgumentException("'loginRetries' must be between 1 and 16");
        }
    }

    /** 30 s for commands, 90 s per login, 30 s for a device, 2 login tries. */
    public static IscsiConfig defaults() {
        return new IscsiConfig(Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(30), 2);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, "'" + name + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + name + "' must be positive");
        }
    }
}
