package io.csi4j.adapters.intelliflash.block;

import io.csi4j.adapters.intelliflash.Chap;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.Publications;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
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
 * ControllerPublish for LUNs: makes sure the LUN has a view (inherited, or the configured mapping), that the node's
 * initiator exists on the array (with the CHAP credentials when CHAP is on) and is in the view's host group, and
 * returns the iSCSI data path (portal, target, LUN) as publish context for NodeStage. Creating an initiator that
 * exists fails on the array, so it is looked up first and an "exists" answer is accepted. Unpublishing leaves the
 * SAN objects alone — the host group and its initiators serve every LUN mapped to it — and only forgets the node.
 */
public final class BlockPublishing implements PublishSupport {

    private final Publications publications;
    private final BlockShape shape;
    private final Chap chap;

    public BlockPublishing(Publications publications, BlockShape shape, Chap chap) {
        this.publications = publications;
        this.shape = shape;
        this.chap = chap;
    }

    @Override
    public Either<Failure, Map<String, String>> publish(VolumeId id, NodeId node, VolumeCapability capability,
            boolean readOnly, Secrets secrets) {
        return Publications.facts(node).flatMap(facts -> {
            if (facts.iqn().isEmpty()) {
                return Either.left(Failure.precondition("node " + facts.name() + " reports no iSCSI initiator name: "
                        + "the node plugin reads it from /etc/iscsi/initiatorname.iscsi (is open-iscsi installed?)"));
            }
            return publications.volume(id).flatMap(f -> {
                ArrayApi api = f.at().array().api(secrets);
                return Publications.sameFlag(f, node, readOnly)
                        .flatMap(ok -> views(api, f))
                        .flatMap(views -> chosen(f, views, readOnly)
                                .flatMap(view -> admit(api, facts.iqn().get(), view.hostGroup()))
                                .flatMap(ok -> publications.remember(api, f, node, readOnly))
                                .flatMap(ok -> shape.dataPath(f, views)))
                        .map(DataPathCodec::encode);
            });
        });
    }

    /** The LUN's views, making the configured mapping when it has none and does not inherit the project's. */
    private Either<Failure, List<SanRecords.View>> views(ArrayApi api, Found f) {
        String context = "mapping " + f.at().ref();
        VolumeParams p = BlockShape.recorded(f);
        return Rest.ok(api.views(f.at().path()), context).flatMap(views -> {
            if (!views.isEmpty()) {
                return Either.right(views);
            }
            if (BlockShape.inherits(f.at().array().config(), p)) {
                return Either.left(Failure.precondition("LUN " + f.at().ref() + " has no view, and project "
                        + f.at().ref().project() + " has no default view to inherit"));
            }
            return shape.mapping(f.at().array().config(), p).flatMap(m -> {
                var mapped = api.map(f.at().path(), m.hostGroup(), m.targetGroup());
                return mapped.isLeft() && !mapped.getLeft().exists() ? Rest.done(mapped, context) : Either.right(Done.DONE);
            }).flatMap(x -> Rest.ok(api.views(f.at().path()), context));
        });
    }

    private static Either<Failure, SanRecords.View> chosen(Found f, List<SanRecords.View> views, boolean readOnly) {
        SanRecords.View view = views.getFirst();
        if (readOnly && !view.readOnly()) {
            return Either.left(Failure.invalidArgument("LUN " + f.at().ref() + " is mapped read-write to host group "
                    + view.hostGroup() + ", which every node of the group shares: it cannot be read-only for one node"));
        }
        return Either.right(view);
    }

    /** The node's initiator exists and is in {@code group}; it is never moved out of another group. */
    private Either<Failure, Done> admit(ArrayApi api, String iqn, String group) {
        String context = "admitting initiator " + iqn + " to host group " + group;
        return Rest.ok(api.initiators("^" + iqn.replace(".", "\\.") + "$"), context).flatMap(found -> {
            Either<Failure, Done> exists = Either.right(Done.DONE);
            if (!found.containsKey(iqn)) {
                var created = api.createInitiator(iqn, chap.enabled() ? chap.user() : "", chap.enabled() ? chap.secret() : "");
                exists = created.isLeft() && created.getLeft().exists() ? Either.right(Done.DONE) : Rest.done(created, context);
            }
            String current = found.getOrDefault(iqn, "");
            if (current.equals(group)) {
                return exists;
            }
            if (!current.isEmpty()) {
                return Either.left(Failure.precondition("initiator " + iqn + " is in host group " + current + ", not "
                        + group + "; csi4j does not move initiators between groups (other LUNs may depend on it)"));
            }
            return exists.flatMap(x -> {
                var added = api.addToGroup(iqn, group);
                return added.isLeft() && added.getLeft().exists() ? Either.right(Done.DONE) : Rest.done(added, context);
            });
        });
    }

    @Override
    public Either<Failure, Done> unpublish(VolumeId id, Optional<NodeId> node, Secrets secrets) {
        var found = publications.volume(id);
        if (found.isLeft()) {
            return found.getLeft() instanceof Failure.NotFound ? Either.right(Done.DONE) : Either.left(found.getLeft());
        }
        return publications.forget(found.get().at().array().api(secrets), found.get(), node);
    }

    @Override
    public Either<Failure, List<NodeId>> publishedNodes(VolumeId id) {
        return publications.nodes(id);
    }
}
