package io.csi4j.domain.volume;

/** How many nodes and writers may use a volume at once (CSI §6.1). */
public enum AccessMode {
    SINGLE_NODE_WRITER(false, false),
    SINGLE_NODE_READER_ONLY(false, true),
    MULTI_NODE_READER_ONLY(true, true),
    MULTI_NODE_SINGLE_WRITER(true, false),
    MULTI_NODE_MULTI_WRITER(true, false),
    SINGLE_NODE_SINGLE_WRITER(false, false),
    SINGLE_NODE_MULTI_WRITER(false, false);

    private final boolean multiNode;
    private final boolean readOnly;

    AccessMode(boolean multiNode, boolean readOnly) {
        this.multiNode = multiNode;
        this.readOnly = readOnly;
    }

    /** May be published to more than one node at a time. */
    public boolean isMultiNode() {
        return multiNode;
    }

    /** No workload may write; publications are read-only. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** One of the two modes that need the SINGLE_NODE_MULTI_WRITER capability. */
    public boolean isAlphaSingleNode() {
        return this == SINGLE_NODE_SINGLE_WRITER || this == SINGLE_NODE_MULTI_WRITER;
    }
}
