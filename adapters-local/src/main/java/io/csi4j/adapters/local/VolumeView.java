package io.csi4j.adapters.local;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.id.VolumeName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps between the domain's volume ids and volumes and this backend's handles and records. The data path
 * is the absolute path of the slot's {@code data}; an image also tells the node, in the
 * {@value #FS_TYPE} attribute, which filesystem to create on it when it is blank.
 */
final class VolumeView {

    static final String FS_TYPE = "csi4j.io/fs-type";

    private final BackendName backend;

    VolumeView(BackendName backend) {
        this.backend = backend;
    }

    /** The handle inside an id; empty for ids of other backends, foreign ids, and any other form. */
    Optional<Handle> handle(VolumeId id) {
        return Handle.of(backend, id);
    }

    VolumeId id(Slot slot, VolumeRecord record) {
        return new VolumeId(backend, new Handle(slot.name(), record.generation()).volumeForm());
    }

    Volume of(Slot slot, VolumeRecord r) {
        String path = slot.data().toString();
        boolean image = r.shape().kind() == Kind.IMAGE;
        DataPath data = image ? new DataPath.LocalImage(path) : new DataPath.LocalDirectory(path);
        Parameters attributes = image ? new Parameters(Map.of(FS_TYPE, r.shape().fsType())) : Parameters.EMPTY;
        return new Volume(id(slot, r), Optional.of(new VolumeName(r.name())), r.capacityBytes(), data, attributes,
                r.source(), r.topology().segments().isEmpty() ? List.of() : List.of(r.topology()), r.parameters());
    }

    /** The shape of a volume this backend reported, from its data path and attributes (no disk access). */
    static Optional<Shape> shapeOf(Volume volume) {
        return switch (volume.dataPath()) {
            case DataPath.LocalDirectory d -> Optional.of(Shape.directory());
            case DataPath.LocalImage i -> volume.attributes().get(FS_TYPE).filter(Shape.FS_TYPES::contains)
                    .map(Shape::image);
            default -> Optional.empty();
        };
    }
}
