package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a LUN is: its target's name, the portals ({@code host:port}) to reach the target through, and the LUN
 * number. Built only through {@link #of}, which checks every part, because they come from a volume context that
 * a person may have written and end up as arguments of iscsiadm.
 */
public record IscsiAddress(List<String> portals, String targetIqn, int lun) {

    /** The iSCSI port a portal without one uses (RFC 7143). */
    public static final int DEFAULT_PORT = 3260;

    private static final Pattern IQN = Pattern.compile(
            "iqn\\.\\d{4}-\\d{2}\\.[A-Za-z0-9][A-Za-z0-9.:_-]*|eui\\.[0-9A-Fa-f]{16}|naa\\.[0-9A-Fa-f]{16,32}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");
    private static final int MAX_LUN = 16383;

    public IscsiAddress {
        portals = List.copyOf(portals);
        Objects.requireNonNull(targetIqn, "'targetIqn' must not be null");
        if (portals.isEmpty()) {
            throw new IllegalArgumentException("an iSCSI address needs a portal");
        }
    }

    /** Checks and normalises: a portal without a port gets 3260, duplicates go; InvalidArgument naming the part. */
    public static Either<Failure, IscsiAddress> of(List<String> portals, String targetIqn, int lun) {
        if (targetIqn == null || targetIqn.length() > 223 || !IQN.matcher(targetIqn).matches()) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(targetIqn) + "' is not an iSCSI target name"
                    + " (iqn.YYYY-MM.domain[:name], eui.<16 hex> or naa.<hex>)"));
        }
        if (lun < 0 || lun > MAX_LUN) {
            return Either.left(Failure.invalidArgument("LUN " + lun + " is outside 0.." + MAX_LUN));
        }
        if (portals.isEmpty()) {
            return Either.left(Failure.invalidArgument("an iSCSI volume needs at least one portal"));
        }
        List<String> normal = new ArrayList<>();
        for (String portal : portals) {
            var p = portal(portal);
            if (p.isLeft()) {
                return Either.left(p.getLeft());
            }
            if (!normal.contains(p.get())) {
                normal.add(p.get());
            }
        }
        return Either.right(new IscsiAddress(normal, targetIqn, lun));
    }

    /** {@code host:port} with the default port filled in; IPv6 addresses in brackets. */
    public static Either<Failure, String> portal(String portal) {
        String p = portal == null ? "" : portal.strip();
        int colon = p.lastIndexOf(':');
        boolean bracketed = p.startsWith("[");
        String host = p;
        String port = Integer.toString(DEFAULT_PORT);
        if (bracketed ? p.contains("]:") : colon > 0) {
            host = p.substring(0, bracketed ? p.indexOf("]:") + 1 : colon);
            port = p.substring(bracketed ? p.indexOf("]:") + 2 : colon + 1);
        }
        boolean hostOk = bracketed ? IPV6.matcher(host).matches() : HOST.matcher(host).matches();
        if (!hostOk || !port.matches("\\d{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(portal) + "' is not an iSCSI portal"
                    + " (host[:port])"));
        }
        return Either.right(host + ":" + Integer.parseInt(port));
    }

    /** The same LUN through other portals. */
    public IscsiAddress withPortals(List<String> others) {
        return new IscsiAddress(others, targetIqn, lun);
    }

    @Override
    public String toString() {
        return targetIqn + " LUN " + lun + " via " + String.join(",", portals);
    }
}
