package io.csi4j.adapters.local;

import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.SizePolicy;

/**
 * The sizes local volumes can have. Every size is a multiple of 1 MiB, whatever the kind: an image needs
 * whole blocks, and one rule for both kinds avoids surprises when the kind follows from the capabilities.
 * The minimum is 1 MiB, or 300 MiB for xfs images (mkfs.xfs from xfsprogs 5.19 on refuses anything smaller).
 * The maximum comes from the configuration.
 */
final class SizeRules {

    static final long MIB = 1L << 20;
    static final long XFS_MINIMUM = 300 * MIB;

    private SizeRules() {}

    /**
     * The policy the use case resolves capacity ranges with. It sees only the parameters, so when they do
     * not fix the kind it assumes an image of the parameter's (or default) filesystem type; the create
     * itself checks the minimum again against the shape the capabilities decide ({@link #minimum}).
     */
    static SizePolicy policy(Parameters parameters, LocalBackendConfig config) {
        boolean directory = parameters.get(ShapeRequest.KIND).filter(Kind.DIRECTORY.parameter()::equals).isPresent();
        String fs = parameters.get(ShapeRequest.FS_TYPE).orElse(config.defaultFsType());
        long min = directory ? MIB : minimum(Shape.image(Shape.FS_TYPES.contains(fs) ? fs : config.defaultFsType()));
        long max = config.maximumVolumeBytes();
        return new SizePolicy(config.defaultSizeBytes(), MIB, Math.min(min, max), max);
    }

    static long minimum(Shape shape) {
        return shape.kind() == Kind.IMAGE && shape.fsType().equals("xfs") ? XFS_MINIMUM : MIB;
    }

    static long roundUp(long bytes) {
        long units = bytes / MIB + (bytes % MIB == 0 ? 0 : 1);
        return units > Long.MAX_VALUE / MIB ? -1 : units * MIB;
    }
}
