package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The StorageClass parameter {@code nfsAccessList}: comma-separated entries in the original driver's grammar
 * {@code [accessMode][:no_root_squash]@address[/mask]} (e.g. {@code rw:no_root_squash@10.204.86.116}), or its
 * ancestor's {@code [accessMode]:address[/mask]} (e.g. {@code ro:10.3.196.93}), or a bare address. The access mode
 * defaults to {@code rw}; root is squashed unless {@code no_root_squash} is given.
 */
public final class NfsAccessList {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(/\\d{1,3})?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9.*-]{0,252})");

    private NfsAccessList() {}

    public static Either<Failure, List<SanRecords.NetAcl>> parse(String value) {
        List<SanRecords.NetAcl> out = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Either<Failure, SanRecords.NetAcl> acl = entry(entry);
            if (acl.isLeft()) {
                return Either.left(acl.getLeft());
            }
            if (out.stream().anyMatch(a -> a.host().equals(acl.get().host()))) {
                return Either.left(bad(entry, "names its host twice"));
            }
            out.add(acl.get());
        }
        return Either.right(out);
    }

    private static Either<Failure, SanRecords.NetAcl> entry(String entry) {
        String options = "";
        String address = entry;
        int at = entry.lastIndexOf('@');
        String lower = entry.toLowerCase(Locale.ROOT);
        if (at >= 0) {
            options = entry.substring(0, at);
            address = entry.substring(at + 1);
        } else if (lower.startsWith("rw:") || lower.startsWith("ro:")) {
            options = entry.substring(0, 2);
            address = entry.substring(3);
        }
        String mode = "rw";
        boolean root = false;
        for (String o : options.split("[:;]")) {
            switch (o.trim().toLowerCase(Locale.ROOT)) {
                case "" -> { }
                case "rw" -> mode = "rw";
                case "ro" -> mode = "ro";
                case "no_root_squash" -> root = true;
                case "root_squash" -> root = false;
                default -> {
                    return Either.left(bad(entry, "has the unknown option '" + o.trim() + "' (rw, ro, no_root_squash)"));
                }
            }
        }
        address = address.trim();
        if (IPV4.matcher(address).matches() || (address.contains(":") && IPV6.matcher(address).matches())) {
            return Either.right(new SanRecords.NetAcl("IP", address, mode, root));
        }
        if (HOST.matcher(address).matches()) {
            return Either.right(new SanRecords.NetAcl("FQDN", address, mode, root));
        }
        return Either.left(bad(entry, "does not name an address, a network or a host name"));
    }

    private static Failure bad(String entry, String why) {
        return Failure.invalidArgument("parameter nfsAccessList: entry '" + Printable.of(entry) + "' " + why);
    }

    /** The compact form kept in metadata: {@code mode[,root]@host}. */
    public static String render(SanRecords.NetAcl a) {
        return a.accessMode() + (a.rootAccess() ? ",root" : "") + "@" + a.host();
    }
}
