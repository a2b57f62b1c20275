package io.csi4j.simulator.intelliflash.model;

/** A storage pool: its total size in bytes; free space is computed from what its datasets hold. */
public record Pool(String name, long totalSize) {}
