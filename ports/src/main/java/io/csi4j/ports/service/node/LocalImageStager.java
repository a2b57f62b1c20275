package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.HostPaths;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stages a local image volume: the image file attached to a loop device, then either the device bound onto
 * {@code <staging>/block} (block access) or its filesystem — created first if the device is blank — mounted on the
 * staging directory. A repeat finds the mount already there and checks it is this image's device.
 */
final class LocalImageStager implements Stager {

    /** The context key the local backend fills with the filesystem a blank image gets. */
    static final String FS_TYPE_KEY = "csi4j.io/fs-type";

    private final NodeHost host;
    private final NodeSettings settings;
    private final DeviceMounter devices;

    LocalImageStager(NodeHost host, NodeSettings settings) {
        this.host = host;
        this.settings = settings;
        this.devices = new DeviceMounter(host);
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.LocalImage;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        String raw = ((DataPath.LocalImage) r.dataPath()).path();
        return LocalData.confine(settings.localRoots(), host.paths(), raw, HostPaths.Kind.FILE)
                .flatMap(image -> host.loops().find(image).flatMap(attached ->
                        devices.alreadyStaged(r, attached).flatMap(done -> done ? Either.right(Done.DONE) : fresh(r, image))));
    }

    /**
     * Nothing is mounted yet: record what we attach (before mounting hides the directory), attach, then mount. When
     * that fails before anything was mounted, the attach and the record are undone: after a final error kubelet sends
     * no NodeUnstage, so a refused stage (a filesystem the image does not hold, say) must leave nothing behind.
     */
    private Either<Failure, Done> fresh(Request r, Path image) {
        boolean readOnly = r.capability().accessMode().isReadOnly();
        Either<Failure, Done> staged = host.paths()
                .writeRecord(r.staging(), StageRecord.of(r.volumeId()).withImage(image.toString()).toMap())
                // A read-only bind of a device node still lets writes through to the device; only a read-only
                // device refuses them. Filesystems stay on a writable device: their read-only mount is what
                // protects them, and a blank image must still be formattable.
                .flatMap(ok -> host.loops().attach(image, readOnly && r.capability().isBlock()))
                .flatMap(device -> r.capability().isBlock()
                        ? devices.bindBlock(device, r.blockFile(), readOnly)
                        : devices.mountFilesystem(device, r.staging(), r.capability(), fsType(r, settings)));
        if (staged.isLeft()) {
            // Best effort: the failure the CO sees is the stage's; a left-over is still undone by NodeUnstage.
            undoUnlessMounted(r, image);
        }
        return staged;
    }

    private Either<Failure, Done> undoUnlessMounted(Request r, Path image) {
        return host.mountTable().mounts().flatMap(table -> host.loops().find(image).flatMap(device -> {
            if (device.isPresent() && DeviceUse.inUse(table, device.get())) {
                return Either.right(Done.DONE);
            }
            return device.<Either<Failure, Done>>map(host.loops()::detach).orElseGet(() -> Either.right(Done.DONE))
                    .flatMap(ok -> r.capability().isBlock() ? host.paths().remove(r.blockFile()) : Either.right(Done.DONE))
                    .flatMap(ok -> host.paths().removeRecord(r.staging()));
        }));
    }

    /** The filesystem a device volume gets: the capability's, else the context's, else the node's default. */
    static String fsType(Request r, NodeSettings settings) {
        String asked = r.capability().fsType();
        if (!asked.isEmpty()) {
            return asked;
        }
        return r.volumeContext().get(FS_TYPE_KEY).orElse(settings.defaultFsType());
    }
}
