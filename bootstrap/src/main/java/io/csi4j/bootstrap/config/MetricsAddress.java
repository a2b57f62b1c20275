package io.csi4j.bootstrap.config;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the HTTP endpoint for metrics and health listens: {@code host:port}, {@code :port} for every interface,
 * {@code [v6]:port}; port 0 takes any free port (tests).
 *
 * @param host a host name or address; empty for every interface
 * @param port 0 to 65535
 */
public record MetricsAddress(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]*):(\\d{1,5})");

    public static Optional<MetricsAddress> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65535) {
            return Optional.empty();
        }
        String host = m.group(1);
        return Optional.of(new MetricsAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port));
    }

    /** The address to bind; resolves the host name. */
    public InetSocketAddress socketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
