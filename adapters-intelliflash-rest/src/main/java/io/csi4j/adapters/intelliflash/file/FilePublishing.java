package io.csi4j.adapters.intelliflash.file;

import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.Publications;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.domain.id.NodeId;
import io.csi4j.domain.id.VolumeId;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.VolumeCapability;
import io.csi4j.ports.out.PublishSupport;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NFS access list as ControllerPublish/Unpublish: publishing adds the node's address to the share's ACL
 * ({@code ro} for a read-only publication, root not squashed), unpublishing removes it, and a share whose list
 * becomes empty stops being exported (an export without entries would be open to every host). Entries of the
 * StorageClass's {@code nfsAccessList} are left alone. SMB shares are shared on first publication. The publish
 * context carries the data path, so volumes made by the original driver (whose context lacks it) mount too.
 */
public final class FilePublishing implements PublishSupport {

    private final Publications publications;
    private final FileShape shape;

    public FilePublishing(Publications publications, FileShape shape) {
        this.publications = publications;
        this.shape = shape;
    }

    @Override
    public Either<Failure, Map<String, String>> publish(VolumeId id, NodeId node, VolumeCapability capability,
            boolean readOnly, Secrets secrets) {
        return Publications.facts(node).flatMap(facts -> publications.volume(id).flatMap(f -> {
            ArrayApi api = f.at().array().api(secrets);
            VolumeParams p = FileShape.recorded(f);
            Either<Failure, Done> granted = Publications.sameFlag(f, node, readOnly).flatMap(ok -> FileShape.isSmb(
                    f.at().array().config(), p) ? shareSmb(api, f, readOnly) : grantNfs(api, f, facts, readOnly));
            return granted.flatMap(ok -> publications.remember(api, f, node, readOnly))
                    .flatMap(ok -> shape.present(f, FileShape.Exposed.NOTHING))
                    .map(v -> DataPathCodec.encode(v.dataPath()));
        }));
    }

    private static Either<Failure, Done> shareSmb(ArrayApi api, Found f, boolean readOnly) {
        if (readOnly) {
            return Either.left(Failure.invalidArgument("volume " + f.at().ref() + " is an SMB share: the array cannot "
                    + "make it read-only for one node (publish it read-write and mount it read-only)"));
        }
        String context = "sharing " + f.at().ref() + " over SMB";
        return Rest.ok(api.smbExposed(f.at().path()), context).flatMap(on -> on ? Either.right(Done.DONE)
                : Rest.done(api.setSmb(f.at().path(), true, f.info().smbName()), context));
    }

    private static Either<Failure, Done> grantNfs(ArrayApi api, Found f, NodeFacts facts, boolean readOnly) {
        if (facts.address().isEmpty()) {
            return Either.left(Failure.precondition("node " + facts.name() + " reports no data address, so it cannot be "
                    + "let into the NFS access list: set CSI4J_NODE_IP on the node plugin"));
        }
        String address = facts.address().get();
        String path = f.at().path();
        String context = "letting node " + facts.name() + " into the NFS access list of " + f.at().ref();
        String mode = readOnly ? "ro" : "rw";
        return Rest.ok(api.nfsExposed(path), context)
                .flatMap(on -> on ? Either.right(Done.DONE) : Rest.done(api.setNfs(path, true), context))
                .flatMap(x -> Rest.ok(api.nfsAcls(path), context))
                .flatMap(acls -> {
                    Optional<SanRecords.NetAcl> entry = acls.stream().filter(a -> a.host().equals(address)).findFirst();
                    if (entry.isPresent() && entry.get().accessMode().equals(mode)) {
                        return Either.right(Done.DONE);
                    }
                    if (entry.isPresent() && staticEntry(f, address)) {
                        return Either.left(Failure.precondition("the nfsAccessList of " + f.at().ref() + " gives "
                                + address + " " + entry.get().accessMode() + " access, not " + mode));
                    }
                    Either<Failure, Done> cleared = entry.isPresent()
                            ? Rest.gone(api.removeNfsAcl(path, entry.get().hostType(), address), context)
                            : Either.right(Done.DONE);
                    return cleared.flatMap(y -> {
                        var added = api.addNfsAcl(path, new SanRecords.NetAcl("IP", address, mode, true));
                        return added.isLeft() && added.getLeft().exists() ? Either.right(Done.DONE) : Rest.done(added, context);
                    });
                });
    }

    private static boolean staticEntry(Found f, String address) {
        return f.metaOrBlank().staticAcl().stream().anyMatch(e -> e.endsWith("@" + address));
    }

    @Override
    public Either<Failure, Done> unpublish(VolumeId id, Optional<NodeId> node, Secrets secrets) {
        var found = publications.volume(id);
        if (found.isLeft()) {
            return found.getLeft() instanceof Failure.NotFound ? Either.right(Done.DONE) : Either.left(found.getLeft());
        }
        Found f = found.get();
        ArrayApi api = f.at().array().api(secrets);
        List<String> leaving = node.map(n -> List.of(n.value())).orElseGet(() -> List.copyOf(f.metaOrBlank().nodes().keySet()));
        Either<Failure, Done> revoked = FileShape.isSmb(f.at().array().config(), FileShape.recorded(f))
                ? Either.right(Done.DONE) : revokeNfs(api, f, leaving);
        return revoked.flatMap(ok -> publications.forget(api, f, node));
    }

    private static Either<Failure, Done> revokeNfs(ArrayApi api, Found f, List<String> leaving) {
        String path = f.at().path();
        String context = "removing nodes from the NFS access list of " + f.at().ref();
        List<String> staying = f.metaOrBlank().nodes().keySet().stream().filter(n -> !leaving.contains(n))
                .map(n -> NodeFacts.parse(new NodeId(n)).map(x -> x.address().orElse("")).getOrElse("")).toList();
        return Rest.ok(api.nfsExposed(path), context).flatMap(on -> {
            if (!on) {
                return Either.right(Done.DONE);
            }
            for (String n : leaving) {
                Optional<String> address = NodeFacts.parse(new NodeId(n)).toJavaOptional().flatMap(NodeFacts::address);
                if (address.isEmpty() || staying.contains(address.get()) || staticEntry(f, address.get())) {
                    continue;
                }
                Either<Failure, Done> removed = Rest.gone(api.removeNfsAcl(path, "IP", address.get()), context);
                if (removed.isLeft()) {
                    return removed;
                }
            }
            return Rest.ok(api.nfsAcls(path), context).flatMap(rest -> rest.isEmpty()
                    ? Rest.done(api.setNfs(path, false), context) : Either.right(Done.DONE));
        });
    }

    @Override
    public Either<Failure, List<NodeId>> publishedNodes(VolumeId id) {
        return publications.nodes(id);
    }
}
