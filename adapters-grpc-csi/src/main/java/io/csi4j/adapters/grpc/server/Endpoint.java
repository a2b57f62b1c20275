package io.csi4j.adapters.grpc.server;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server listens, parsed from {@code CSI_ENDPOINT} (CSI §7.1): {@code unix:///abs/path.sock}, the
 * one-slash form {@code unix:/abs/path.sock} accepted defensively, or {@code tcp://host:port} for tools.
 */
public sealed interface Endpoint {

    /** The endpoint in URI form, for logs and clients. */
    String uri();

    /** A unix domain socket at an absolute path. */
    record Unix(Path socket) implements Endpoint {
        public Unix {
            Objects.requireNonNull(socket, "'socket' must not be null");
            if (!socket.isAbsolute()) {
                throw new IllegalArgumentException("socket path must be absolute: " + socket);
            }
        }

        @Override
        public String uri() {
            return "unix://" + socket;
        }
    }

    /** A TCP address; port 0 asks the system for a free port. */
    record Tcp(String host, int port) implements Endpoint {
        public Tcp {
            Objects.requireNonNull(host, "'host' must not be null");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public String uri() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static Either<Failure, Endpoint> parse(String value) {
        if (value == null || value.isBlank()) {
            return Either.left(Failure.invalidArgument("CSI endpoint is empty; expected unix:///path/to/csi.sock"));
        }
        if (value.startsWith("unix://")) {
            return unix(value, value.substring("unix://".length()));
        }
        if (value.startsWith("unix:")) {
            return unix(value, value.substring("unix:".length()));
        }
        if (value.startsWith("tcp://")) {
            return tcp(value, value.substring("tcp://".length()));
        }
        return Either.left(malformed(value, "the scheme must be unix or tcp"));
    }

    private static Either<Failure, Endpoint> unix(String value, String path) {
        // unix:///a/b has an empty authority, so the rest starts with '/'; unix://host/a/b names a host: refused.
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/") || path.indexOf('\0') >= 0) {
            return Either.left(malformed(value, "a unix endpoint needs an absolute socket path"));
        }
        return Either.right(new Unix(Path.of(path).normalize()));
    }

    private static Either<Failure, Endpoint> tcp(String value, String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon <= 0 || authority.indexOf('/') >= 0) {
            return Either.left(malformed(value, "a tcp endpoint is tcp://host:port"));
        }
        String host = authority.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (host.isEmpty() || port < 0 || port > 65535) {
            return Either.left(malformed(value, "a tcp endpoint is tcp://host:port with a port of 0-65535"));
        }
        return Either.right(new Tcp(host, port));
    }

    private static Failure malformed(String value, String reason) {
        return Failure.invalidArgument("CSI endpoint '" + Printable.of(value) + "' is malformed: " + reason
                + " (for example unix:///csi/csi.sock)");
    }
}
