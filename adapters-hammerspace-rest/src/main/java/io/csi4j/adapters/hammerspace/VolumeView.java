package io.csi4j.adapters.hammerspace;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link Volume} a CO sees from what the Anvil shows (existence, size) and what the catalog recorded
 * (name, parameters, source). Its context holds the data path nodes mount, and the original plugin's keys
 * ({@code mode}, {@code fsType}, {@code mountBackingShareName}/{@code blockBackingShareName}, {@code size}).
 */
final class VolumeView {

    /** The context key the node's image stager reads to format a blank image. */
    static final String FS_TYPE_KEY = "csi4j.io/fs-type";
    private static final String SNAPSHOT = "snapshot:";
    private static final String VOLUME = "volume:";

    private final Context ctx;

    VolumeView(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * @param kind empty for a file in a backing share that the catalog does not know (an original plugin's volume:
     *     filesystem or block cannot be told apart)
     */
    Either<Failure, Volume> build(VolumeHandle h, Optional<Kind> kind, long capacity, Optional<VolumeRecord> record) {
        Parameters params = record.map(VolumeRecord::parameters).orElse(Parameters.EMPTY);
        Optional<String> override = params.get(VolumeParameters.FQDN).filter(s -> !s.isBlank());
        List<String> options = VolumeParameters.parse(params).map(VolumeParameters::mountOptions).getOrElse(List.of());
        return ctx.exports().server(h.value(), override).map(server -> {
            Kind dataKind = kind.orElse(h.isShare() ? Kind.SHARE : Kind.FILESYSTEM);
            DataPath path = ctx.exports().dataPath(dataKind, h, server, options);
            return new Volume(h.toId(ctx.name()), record.map(r -> new VolumeName(r.name())), capacity, path,
                    attributes(h, kind, record), record.flatMap(this::source), List.of(), params);
        });
    }

    private static Parameters attributes(VolumeHandle h, Optional<Kind> kind, Optional<VolumeRecord> record) {
        Map<String, String> m = new LinkedHashMap<>();
        record.ifPresent(r -> m.put("size", Long.toString(r.sizeBytes())));
        if (kind.isEmpty()) {
            return new Parameters(m);
        }
        m.put("mode", kind.get().mode());
        switch (kind.get()) {
            case SHARE -> {
                m.put("fsType", "nfs");
                m.put("mountBackingShareName", "");
            }
            case DIRECTORY -> {
                m.put("fsType", "nfs");
                m.put("mountBackingShareName", h.share());
            }
            case FILESYSTEM -> {
                String fs = record.flatMap(r -> r.parameters().get(VolumeParameters.FS_TYPE)).orElse("ext4");
                m.put("fsType", fs);
                m.put("mountBackingShareName", h.share());
                m.put(FS_TYPE_KEY, fs);
            }
            case BLOCK -> m.put("blockBackingShareName", h.share());
        }
        return new Parameters(m);
    }

    /** The content source a record names, as the id the CO gave. */
    Optional<ContentSource> source(VolumeRecord r) {
        return r.source().map(s -> s.startsWith(SNAPSHOT)
                ? new ContentSource.FromSnapshot(SnapshotId.foreign(ctx.name(), s.substring(SNAPSHOT.length())))
                : new ContentSource.FromVolume(VolumeId.foreign(ctx.name(), s.substring(VOLUME.length()))));
    }

    /** How a record names its source. */
    static String recorded(ContentSource source) {
        return source instanceof ContentSource.FromSnapshot ? SNAPSHOT + source.sourceId() : VOLUME + source.sourceId();
    }
}
