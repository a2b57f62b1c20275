package io.csi4j.domain.volume;

/**
 * The outcome of a controller-side expansion.
 *
 * @param capacityBytes the size after expansion
 * @param nodeExpansionRequired whether the node must grow something too (filesystem, loop device)
 */
public record Expansion(long capacityBytes, boolean nodeExpansionRequired) {}
