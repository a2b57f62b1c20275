package io.csi4j.domain.id;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a controller needs to know about a node to publish a volume to it, carried inside the node id because CSI
 * gives a controller nothing else: the node's name, and optionally its iSCSI initiator name (to map LUNs) and
 * its data address (for export access lists). Wire form: {@code name[;iqn=<iqn>][;ip=<address>]}; a plain name
 * (as every other driver reports) parses too.
 */
public record NodeFacts(String name, Optional<String> iqn, Optional<String> address) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern IQN = Pattern.compile("(iqn\\.\\d{4}-\\d{2}\\.[A-Za-z0-9.:_-]+|eui\\.[0-9A-Fa-f]{16})");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    public NodeFacts {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("node name must be a DNS-like name: " + name);
        }
        if (iqn.isPresent() && !IQN.matcher(iqn.get()).matches()) {
            throw new IllegalArgumentException("not an iSCSI initiator name: " + iqn.get());
        }
        if (address.isPresent() && !ADDRESS.matcher(address.get()).matches()) {
            throw new IllegalArgumentException("not an IP address: " + address.get());
        }
    }

    /** Whether {@code name} can be a node name: starts alphanumeric, then letters, digits, '.', '_', ':', '-'. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static NodeFacts named(String name) {
        return new NodeFacts(name, Optional.empty(), Optional.empty());
    }

    public NodeId toId() {
        return new NodeId(name + iqn.map(i -> ";iqn=" + i).orElse("") + address.map(a -> ";ip=" + a).orElse(""));
    }

    /** Reads a node id of either form; an id with unknown or malformed parts is InvalidArgument. */
    public static Either<Failure, NodeFacts> parse(NodeId id) {
        String[] parts = id.value().split(";");
        Optional<String> iqn = Optional.empty();
        Optional<String> address = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("iqn=") && iqn.isEmpty() && IQN.matcher(p.substring(4)).matches()) {
                iqn = Optional.of(p.substring(4));
            } else if (p.startsWith("ip=") && address.isEmpty() && ADDRESS.matcher(p.substring(3)).matches()) {
                address = Optional.of(p.substring(3));
            } else {
                return Either.left(Failure.invalidArgument("node id '" + Printable.of(id.value())
                        + "' has an unknown part '" + Printable.of(p) + "'"));
            }
        }
        if (!NAME.matcher(parts[0]).matches()) {
            return Either.left(Failure.invalidArgument("node id '" + Printable.of(id.value()) + "' does not start with a "
                    + "node name"));
        }
        return Either.right(new NodeFacts(parts[0], iqn, address));
    }
}
