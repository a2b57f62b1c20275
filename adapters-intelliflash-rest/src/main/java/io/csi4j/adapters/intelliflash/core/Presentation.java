package io.csi4j.adapters.intelliflash.core;

import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.topology.Topology;
import io.csi4j.domain.volume.ContentSource;
import io.csi4j.domain.volume.Parameters;
import java.util.List;
import java.util.Optional;

/** The parts of a CSI volume that do not depend on the flavour: id, name, source, topology, parameters. */
public final class Presentation {

    private Presentation() {}

    public static VolumeId id(BackendName backend, DatasetRef ref) {
        return VolumeId.foreign(backend, ref.handle());
    }

    public static Optional<VolumeName> name(Found f) {
        return f.meta().map(Metadata::name).filter(n -> !n.isEmpty()).map(VolumeName::new);
    }

    public static Optional<ContentSource> source(BackendName backend, Found f) {
        return f.meta().filter(m -> !m.source().isEmpty()).map(m -> m.sourceKind().equals("snapshot")
                ? new ContentSource.FromSnapshot(SnapshotId.foreign(backend, m.source()))
                : new ContentSource.FromVolume(VolumeId.foreign(backend, m.source())));
    }

    public static List<Topology> topology(Found f) {
        return f.at().array().topology().map(List::of).orElse(List.of());
    }

    public static Parameters parameters(Found f) {
        return new Parameters(f.meta().map(Metadata::params).orElse(java.util.Map.of()));
    }

    /** Mount options without credentials (a cifs option list may carry some): contexts must never hold secrets. */
    public static List<String> withoutCredentials(List<String> options) {
        return options.stream().filter(o -> {
            String k = o.contains("=") ? o.substring(0, o.indexOf('=')).trim().toLowerCase(java.util.Locale.ROOT) : o;
            return !(k.equals("username") || k.equals("user") || k.equals("password") || k.equals("pass")
                    || k.equals("credentials") || k.equals("domain"));
        }).toList();
    }
}
