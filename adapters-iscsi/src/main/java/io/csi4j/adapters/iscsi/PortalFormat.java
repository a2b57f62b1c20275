package io.csi4j.adapters.iscsi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Portals as iscsiadm and sysfs write them and as {@link io.csi4j.ports.out.host.IscsiAddress} keeps them. */
final class PortalFormat {

    private PortalFormat() {}

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String of(String address, int port) {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return host + ":" + port;
    }

    /**
     * The portal with its host as an address: open-iscsi keeps records and the kernel keeps sessions by address, so a
     * portal given by host name must be compared in that form. An address stays as it is; a name that does not
     * resolve stays too (the login then says why).
     */
    static String byAddress(String portal) {
        int colon = portal.lastIndexOf(':');
        String host = portal.substring(0, colon);
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            return portal;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return of(address.getHostAddress(), Integer.parseInt(portal.substring(colon + 1)));
        } catch (UnknownHostException e) {
            return portal;
        }
    }

    /** A portal of iscsiadm's listings, {@code host:port,tpgt}, without the portal group tag. */
    static String withoutTag(String portalAndTag) {
        int comma = portalAndTag.lastIndexOf(',');
        return comma < 0 ? portalAndTag : portalAndTag.substring(0, comma);
    }
}
