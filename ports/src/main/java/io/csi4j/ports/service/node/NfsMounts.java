package io.csi4j.ports.service.node;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mounts an NFS export, trying the planned versions in order: the next version is tried only when the server
 * refused this one (not offered, path unknown in that version's namespace, access denied for it); a server that
 * does not answer stops the attempts at once, so a dead server costs one mount timeout, not one per version.
 */
final class NfsMounts {

    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[?[0-9A-Fa-f:.]{2,45}\\]?");
    private static final Pattern EXPORT = Pattern.compile("/[^\\p{Cntrl},]*");

    private final NodeHost host;

    NfsMounts(NodeHost host) {
        this.host = host;
    }

    /** Whether {@code server} can be a file server: a host name, an IPv4 address, an IPv6 address (bracketed or not). */
    static boolean isServer(String server) {
        return SERVER.matcher(server).matches();
    }

    /** {@code server:export} as mount(8) takes it and the mount table shows it; IPv6 addresses in brackets. */
    static Either<Failure, String> source(String server, String export) {
        if (!SERVER.matcher(server).matches()) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(server) + "' is not an NFS server address"));
        }
        if (!EXPORT.matcher(export).matches() || export.length() > 1024) {
            return Either.left(Failure.invalidArgument("'" + Printable.of(export) + "' is not an NFS export path"));
        }
        String host = server.contains(":") && !server.startsWith("[") ? "[" + server + "]" : server;
        String path = export.length() > 1 && export.endsWith("/") ? export.substring(0, export.length() - 1) : export;
        return Either.right(host + ":" + path);
    }

    /** Whether {@code m} is a mount of the NFS export {@code source}. */
    static boolean shows(MountPoint m, String source) {
        return (m.fsType().equals("nfs") || m.fsType().equals("nfs4")) && m.source().equals(source);
    }

    Either<Failure, Done> mount(String source, Path target, List<NfsVersions.Attempt> attempts) {
        StringBuilder tried = new StringBuilder();
        Failure first = null;
        for (NfsVersions.Attempt attempt : attempts) {
            var done = host.mounter().mount(source, target, "nfs", attempt.options());
            if (done.isRight()) {
                return done;
            }
            Failure f = done.getLeft();
            first = first == null ? f : first;
            tried.append(tried.isEmpty() ? "" : "; ").append("v").append(attempt.version()).append(": ")
                    .append(f.message());
            if (!versionRefused(f)) {
                break;
            }
        }
        String message = "cannot mount NFS export " + source + " (" + tried + ")";
        return Either.left(retyped(first, message));
    }

    /** Failures that may be particular to one version; anything else would fail every version alike. */
    private static boolean versionRefused(Failure f) {
        return f instanceof Failure.FailedPrecondition || f instanceof Failure.NotFound
                || f instanceof Failure.PermissionDenied;
    }

    private static Failure retyped(Failure f, String message) {
        return switch (f) {
            case Failure.NotFound n -> Failure.notFound(message);
            case Failure.PermissionDenied p -> new Failure.PermissionDenied(message);
            case Failure.Unavailable u -> Failure.unavailable(message);
            case Failure.Timeout t -> new Failure.Timeout(message);
            case Failure.InvalidArgument i -> Failure.invalidArgument(message);
            default -> Failure.precondition(message);
        };
    }
}
