package io.csi4j.ports.out.host;

/** Space and inode figures of a mounted filesystem (statfs). */
public record Usage(long totalBytes, long usedBytes, long availableBytes, long totalInodes, long usedInodes,
        long freeInodes) {}
