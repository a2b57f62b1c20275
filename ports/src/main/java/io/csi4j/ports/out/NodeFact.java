package io.csi4j.ports.out;

/**
 * A fact about a node that a backend needs in ControllerPublish and that only the node can know, so the node
 * plugin discovers it and reports it in its node id (see {@code NodeFacts}).
 */
public enum NodeFact {
    /** The node's iSCSI initiator name, to let it see LUNs. */
    ISCSI_INITIATOR,
    /** The node's data network address, for export access lists. */
    ADDRESS
}
