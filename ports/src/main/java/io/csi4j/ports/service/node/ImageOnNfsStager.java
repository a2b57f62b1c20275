package io.csi4j.ports.service.node;

import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Stages an image file that lives on an NFS share (file-backed volumes): the share is mounted once per node under
 * the shares root ({@code <sharesRoot>/<hash of export and options>}), kept while any image on it is attached, and
 * released by the last unstage (counted from the loop device list, not from memory); the image is attached to a
 * loop device and bound or mounted like a local image — formatted only when blank. Work on one share is
 * serialised, so a release never races an attach.
 */
final class ImageOnNfsStager implements Stager {

    private final NodeHost host;
    private final NodeSettings settings;
    private final NodeLocks locks;
    private final NfsMounts nfs;
    private final DeviceMounter devices;
    private final Releases releases;

    ImageOnNfsStager(NodeHost host, NodeSettings settings, NodeLocks locks) {
        this.host = host;
        this.settings = settings;
        this.locks = locks;
        this.nfs = new NfsMounts(host);
        this.devices = new DeviceMounter(host);
        this.releases = new Releases(host, locks);
    }

    @Override
    public boolean handles(DataPath path) {
        return path instanceof DataPath.ImageOnNfs;
    }

    @Override
    public Either<Failure, Done> stage(Request r) {
        DataPath.ImageOnNfs image = (DataPath.ImageOnNfs) r.dataPath();
        if (settings.sharesRoot().isEmpty()) {
            return Either.left(Failure.precondition("this node has no directory for backing shares configured"));
        }
        return NfsMounts.source(image.server(), image.export()).flatMap(source -> relative(image.file())
                .flatMap(file -> {
                    Path share = settings.sharesRoot().get().resolve(shareName(source, image.options()));
                    return locks.holding(NodeLocks.share(share), () -> withShare(r, image, source, share, file));
                }));
    }

    /** Once the share is mounted, a failure leaves it mounted only if another image on it is attached. */
    private Either<Failure, Done> withShare(Request r, DataPath.ImageOnNfs image, String source, Path share, Path file) {
        var mounted = mountShare(r, image, source, share);
        if (mounted.isLeft()) {
            return mounted;
        }
        var staged = imageOn(share, file)
                .flatMap(path -> host.loops().find(path).flatMap(attached -> devices.alreadyStaged(r, attached)
                        .flatMap(done -> done ? Either.right(Done.DONE) : fresh(r, path, share))));
        if (staged.isLeft()) {
            Releases.shareIfUnused(host, share);
        }
        return staged;
    }

    /** The share, mounted read-write whatever the volume's access mode: read-only applies to the image's mount. */
    private Either<Failure, Done> mountShare(Request r, DataPath.ImageOnNfs image, String source, Path share) {
        return SharedMount.state(host, share, m -> NfsMounts.shows(m, source), false).flatMap(state ->
                state == SharedMount.State.THERE ? Either.right(Done.DONE)
                        : NfsVersions.plan(List.of(), image.options(), r.volumeContext().get(NfsVersions.CONTEXT_KEY),
                                        settings.nfsVersions(), false)
                                .flatMap(attempts -> host.paths().ensureDirectory(share)
                                        .flatMap(ok -> nfs.mount(source, share, attempts))));
    }

    private Either<Failure, Path> imageOn(Path share, Path file) {
        Path image = share.resolve(file);
        return host.paths().kind(image).flatMap(kind -> switch (kind) {
            case FILE -> Either.right(image);
            case ABSENT -> Either.left(Failure.notFound("the volume's image " + file + " does not exist on its share"));
            default -> Either.left(Failure.precondition("the volume's image " + file + " is not a regular file"));
        });
    }

    /**
     * Record the image and the share (before mounting hides the directory), attach, then mount or bind. A stage that
     * fails before anything is mounted detaches the image and forgets the record (the share goes with the last
     * image): after a final error kubelet sends no NodeUnstage.
     */
    private Either<Failure, Done> fresh(Request r, Path image, Path share) {
        boolean readOnly = r.capability().accessMode().isReadOnly();
        StageRecord record = StageRecord.of(r.volumeId()).withImage(image.toString()).withShare(share.toString());
        Either<Failure, Done> staged = host.paths().writeRecord(r.staging(), record.toMap())
                // A read-only bind of a device node still lets writes through to the device; only a read-only
                // device refuses them. Filesystems stay on a writable device: their read-only mount is what
                // protects them, and a blank image must still be formattable.
                .flatMap(ok -> host.loops().attach(image, readOnly && r.capability().isBlock()))
                .flatMap(device -> r.capability().isBlock()
                        ? devices.bindBlock(device, r.blockFile(), readOnly)
                        : devices.mountFilesystem(device, r.staging(), r.capability(),
                                LocalImageStager.fsType(r, settings)));
        if (staged.isLeft()) {
            releases.undoFailedStage(r, record);
        }
        return staged;
    }

    /** The image's path inside its share: relative, normalised, never leaving the share. */
    static Either<Failure, Path> relative(String file) {
        Path p = Path.of(file);
        boolean bad = file.isEmpty() || p.isAbsolute() || !p.normalize().equals(p) || p.startsWith("..")
                || file.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        return bad ? Either.left(Failure.invalidArgument("the image file '" + Printable.of(file) + "' must be a"
                + " normalised path relative to its share")) : Either.right(p);
    }

    /** One mount point per export and options: the same share with other options is another mount. */
    static String shareName(String source, List<String> options) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + String.join(",", options)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
