package io.csi4j.adapters.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Expansion;
import io.csi4j.domain.volume.Volume;
import io.csi4j.ports.out.VolumeSpec;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Share volumes: one share per volume, with the volume's size as the share's size limit. Created through the API
 * (POST, task, objectives in the body), grown by putting the whole share document back with a larger limit (a
 * missing share is NotFound, never a crash), deleted with the share's own delete delay. A share that still has
 * snapshots is not deleted (its snapshots live inside it): it is emptied and marked retired, stops being a volume
 * at once, and is deleted with its last snapshot.
 */
final class ShareVolumes {

    private final Context ctx;
    private final VolumeView view;
    private final Sources sources;

    ShareVolumes(Context ctx, VolumeView view, Sources sources) {
        this.ctx = ctx;
        this.view = view;
        this.sources = sources;
    }

    Either<Failure, Volume> create(VolumeSpec spec, VolumeParameters p, List<JsonNode> objectives,
            Optional<Sources.Source> source) {
        return ctx.catalog().lastGeneration(spec.name().value()).flatMap(last -> {
            long generation = last + 1;
            String name = Names.share(p.volumeNameFormat(), spec.name().value(), generation);
            VolumeHandle h = VolumeHandle.ofShare(name);
            return ctx.api().share(name).flatMap(existing -> existing.isPresent()
                    ? adopt(existing.get(), spec)
                    : make(name, spec, p, objectives))
                    .flatMap(share -> complete(h, share, spec, source, generation));
        });
    }

    /** The share exists: it is this volume (being completed or repeated), or the name is taken. */
    private Either<Failure, Model.Share> adopt(Model.Share s, VolumeSpec spec) {
        Map<String, String> info = s.extendedInfo();
        if (info.containsKey(Markers.RETIRED)) {
            return Either.left(Failure.precondition("share " + s.name() + " of a deleted volume named '"
                    + spec.name().value() + "' is kept until its snapshots are deleted"));
        }
        return ShareProvisioner.usable(s).flatMap(ok -> {
            String owner = info.get(Markers.VOLUME_NAME);
            boolean ours = spec.name().value().equals(owner);
            boolean original = owner == null && info.containsKey(Markers.PLUGIN_NAME) && !info.containsKey(Markers.ROLE);
            if (!ours && !original) {
                return Either.left(Failure.alreadyExists("share " + s.name() + " already exists and is not volume '"
                        + spec.name().value() + "'"));
            }
            if (s.sizeLimit().orElse(0) != spec.sizeBytes()) {
                return Either.left(Failure.alreadyExists("share " + s.name() + " exists with a size limit of "
                        + s.sizeLimit().orElse(0) + " bytes, not " + spec.sizeBytes()));
            }
            return Either.right(s);
        });
    }

    private Either<Failure, Model.Share> make(String name, VolumeSpec spec, VolumeParameters p, List<JsonNode> objectives) {
        return ctx.api().clusterState().flatMap(state -> {
            if (spec.sizeBytes() > state.freeBytes()) {
                return Either.left(Failure.exhausted("Hammerspace has " + state.freeBytes() + " bytes free, less than "
                        + "the " + spec.sizeBytes() + " asked for"));
            }
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put(Markers.VOLUME_NAME, spec.name().value());
            p.metadataTags().forEach((k, v) -> extra.put(Markers.TAG_PREFIX + k, v));
            return ctx.shares().create(new Model.ShareRequest(name, p.comment(),
                    ctx.shares().info(Markers.Role.VOLUME, p.deleteDelay(), extra), OptionalLong.of(spec.sizeBytes()),
                    p.exportOptions(), objectives));
        });
    }

    /** Copies the source in (unless the record says it is done already) and records the volume. */
    private Either<Failure, Volume> complete(VolumeHandle h, Model.Share share, VolumeSpec spec,
            Optional<Sources.Source> source, long generation) {
        return ctx.catalog().volume(spec.name().value()).flatMap(record -> {
            if (record.isPresent() && record.get().id().equals(h.value())) {
                return built(h, share, record.get());
            }
            Either<Failure, Done> filled = source.isEmpty() ? Either.right(Done.DONE)
                    : ctx.open(h.share()).flatMap(root -> sources.copyTree(source.get(), root));
            VolumeRecord r = new VolumeRecord(spec.name().value(), h.value(), Kind.SHARE, spec.parameters(),
                    spec.sizeBytes(), source.map(s -> VolumeView.recorded(s.source())), ctx.clock().millis(), generation);
            return filled.flatMap(ok -> ctx.catalog().put(r)).flatMap(ok -> built(h, share, r));
        });
    }

    /** The volume as get would read it, from the share just read (no second round trip). */
    private Either<Failure, Volume> built(VolumeHandle h, Model.Share share, VolumeRecord r) {
        return view.build(h, Optional.of(Kind.SHARE), share.sizeLimit().orElse(0), Optional.of(r));
    }

    /** Grows the size limit; never shrinks. A share without limit holds any size already. */
    Either<Failure, Expansion> expand(Model.Share s, long size) {
        if (s.sizeLimit().isEmpty()) {
            return Either.right(new Expansion(size, false));
        }
        if (s.sizeLimit().getAsLong() >= size) {
            return Either.right(new Expansion(s.sizeLimit().getAsLong(), false));
        }
        long more = size - s.sizeLimit().getAsLong();
        return ctx.api().clusterState().flatMap(state -> more > state.freeBytes()
                ? Either.left(Failure.exhausted("growing share " + s.name() + " by " + more + " bytes does not fit in "
                        + "the " + state.freeBytes() + " bytes Hammerspace has free"))
                : ctx.api().updateShare(s, doc -> doc.put("shareSizeLimit", size)).map(ok -> new Expansion(size, false)));
    }

    /** Deletes the share volume, or retires it while it has snapshots. */
    Either<Failure, Done> delete(VolumeHandle h, Model.Share s) {
        Map<String, String> info = s.extendedInfo();
        if (info.containsKey(Markers.ROLE) && !Markers.hasRole(info, Markers.Role.VOLUME)) {
            return Either.left(Failure.precondition("share " + s.name() + " is a " + info.get(Markers.ROLE)
                    + " share holding other data, not a volume: it is not deleted"));
        }
        if (s.isRemoved() || info.containsKey(Markers.RETIRED)) {
            return ctx.catalog().removeVolume(h.value());
        }
        return ShareProvisioner.usable(s).flatMap(ok -> ctx.api().shareSnapshots(s.name()))
                .flatMap(snaps -> snaps.orElse(List.of()).isEmpty() ? remove(s) : retire(s))
                .flatMap(ok -> ctx.catalog().removeVolume(h.value()));
    }

    /** Removes a share for good, with the delete delay it was created with. */
    Either<Failure, Done> remove(Model.Share s) {
        OptionalLong delay = OptionalLong.empty();
        String d = s.extendedInfo().get(Markers.DELETE_DELAY);
        if (d != null && d.matches("\\d{1,12}")) {
            delay = OptionalLong.of(Long.parseLong(d));
        }
        return ctx.api().deleteShare(s.name(), delay);
    }

    private Either<Failure, Done> retire(Model.Share s) {
        return ctx.api().updateShare(s, doc -> {
            doc.withObject("extendedInfo").put(Markers.RETIRED, Long.toString(ctx.clock().millis()));
            return doc;
        }).flatMap(ok -> ctx.open(s.name())).flatMap(root -> LocalFiles.emptyDirectory(root, Sources::hidden));
    }
}
