package io.csi4j.adapters.iscsi;

/** Portals as iscsiadm and sysfs write them and as {@link io.csi4j.ports.out.host.IscsiAddress} keeps them. */
final class PortalFormat {

    private PortalFormat() {}

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String of(String address, int port) {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return host + ":" + port;
    }

    /** A portal of iscsiadm's listings, {@code host:port,tpgt}, without the portal group tag. */
    static String withoutTag(String portalAndTag) {
        int comma = portalAndTag.lastIndexOf(',');
        return comma < 0 ? portalAndTag : portalAndTag.substring(0, comma);
    }
}
