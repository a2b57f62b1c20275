package io.csi4j.testnode;

import java.util.Optional;

/**
 * The test node's private network, from the same knobs as the scripts ({@code scripts/common.sh}): {@code NS} (the
 * servers' network namespace) and {@code NET} (the first three octets of its /24), so that two runs on one machine
 * with different knobs never meet. Servers are {@code .1} (and {@code .10}), the guest {@code .2}, the host's window
 * onto the network {@code .254}.
 */
final class Network {

    static final String NS = env("NS", "csi4j-tn");
    static final String NET = env("NET", "192.168.77");
    /** The storage servers (nfs-ganesha, tgtd, smbd). */
    static final String SERVERS = NET + ".1";
    /** A second address of the same servers, for a second iSCSI path (multipath). */
    static final String SERVERS_SECOND = NET + ".10";
    /** The guest. */
    static final String GUEST = NET + ".2";
    /** The host on that network (the veth pair): where the array simulators listen for the guest. */
    static final String HOST = NET + ".254";

    private Network() {}

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank()).orElse(fallback);
    }
}
