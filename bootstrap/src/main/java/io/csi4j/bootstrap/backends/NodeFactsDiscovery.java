package io.csi4j.bootstrap.backends;

import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.ports.out.NodeFact;
import io.csi4j.ports.service.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what controllers need to know about this node (reported in its node id), and only what a configured
 * backend asks for: the iSCSI initiator name from open-iscsi's {@code /etc/iscsi/initiatorname.iscsi}, and the data
 * address from {@code CSI4J_NODE_IP} / {@code nodeIp}. A fact that cannot be found is left out with a warning:
 * ControllerPublish then says what is missing.
 */
final class NodeFactsDiscovery {

    static final Path INITIATOR_FILE = Path.of("/etc/iscsi/initiatorname.iscsi");
    private static final Logger LOG = LoggerFactory.getLogger(NodeFactsDiscovery.class);

    private NodeFactsDiscovery() {}

    static NodeFacts discover(Settings settings, Backends backends, Path initiatorFile) {
        NodeFacts named = NodeFacts.named(settings.nodeId());
        if (!settings.mode().servesNode()) {
            return named;
        }
        Set<NodeFact> needed = backends.all().stream().flatMap(b -> b.nodeFacts().stream()).collect(Collectors.toSet());
        Optional<String> iqn = needed.contains(NodeFact.ISCSI_INITIATOR) ? initiator(initiatorFile) : Optional.empty();
        Optional<String> address = needed.contains(NodeFact.ADDRESS) ? settings.nodeIp() : Optional.empty();
        if (needed.contains(NodeFact.ADDRESS) && address.isEmpty()) {
            LOG.warn("node={} no data address configured (CSI4J_NODE_IP or nodeIp): controllers cannot add this node to "
                    + "NFS access lists", settings.nodeId());
        }
        try {
            return new NodeFacts(settings.nodeId(), iqn, address);
        } catch (IllegalArgumentException e) {
            LOG.warn("node={} discovered facts are not usable: {}", settings.nodeId(), e.getMessage());
            return named;
        }
    }

    static Optional<String> initiator(Path file) {
        try {
            Optional<String> iqn = Files.readAllLines(file).stream().map(String::trim)
                    .filter(l -> l.startsWith("InitiatorName=")).map(l -> l.substring("InitiatorName=".length()).trim())
                    .filter(v -> !v.isEmpty()).findFirst();
            if (iqn.isEmpty()) {
                LOG.warn("file={} holds no InitiatorName= line: LUNs cannot be published to this node", file);
            }
            return iqn;
        } catch (IOException e) {
            LOG.warn("file={} cannot be read ({}): LUNs cannot be published to this node; is open-iscsi installed?", file,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
