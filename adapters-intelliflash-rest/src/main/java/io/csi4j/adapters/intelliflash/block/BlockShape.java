package io.csi4j.adapters.intelliflash.block;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Chap;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.array.DatasetKind;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.Located;
import io.csi4j.adapters.intelliflash.core.Metadata;
import io.csi4j.adapters.intelliflash.core.Presentation;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.Shape;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Volumes as LUNs: a thin volume of the size asked, mapped either through the project's default views
 * ({@code inheritProjectSettings}) or through a view csi4j makes on the configured host group and target group.
 * Nodes reach it as LUN {@code lunNbr} of a target of the view's target group at {@code <dataIp>:<port>}.
 */
public final class BlockShape implements Shape {

    private final BackendName backend;
    private final Chap chap;
    private final Targets targets = new Targets();

    public BlockShape(BackendName backend, Chap chap) {
        this.backend = backend;
        this.chap = chap;
    }

    @Override
    public Either<RestError, JsonNode> makeEmpty(ArrayApi api, Located at, long size, VolumeParams params) {
        return api.createVolume(at.pool(), at.ref().project(), at.ref().name(), size, params.blockSize(), params.thin(),
                inherits(at.array().config(), params));
    }

    @Override
    public Either<Failure, Exposed> expose(ArrayApi api, Found f, VolumeParams params) {
        ArrayConfig config = f.at().array().config();
        String path = f.at().path();
        return Rest.ok(api.views(path), "reading the views of " + f.at().ref()).flatMap(views -> {
            if (inherits(config, params)) {
                if (!views.isEmpty()) {
                    return Either.right(new Exposed(Optional.of(views)));
                }
                // Nothing to inherit: no node could reach the LUN. Remove what was just made rather than leak it.
                Rest.gone(api.delete(DatasetKind.VOLUME, path), "removing " + f.at().ref());
                return Either.left(Failure.precondition("project " + f.at().ref().project() + " on array "
                        + config.configName() + " has no default iSCSI views to inherit: add one on the array, or set "
                        + "inheritProjectSettings: false with defaultTargetGroup and defaultHostGroup"));
            }
            return mapping(config, params).flatMap(m -> {
                if (views.stream().anyMatch(v -> v.hostGroup().equals(m.hostGroup()) && v.targetGroup().equals(m.targetGroup()))) {
                    return Either.right(new Exposed(Optional.of(views)));
                }
                var mapped = api.map(path, m.hostGroup(), m.targetGroup());
                if (mapped.isLeft() && !mapped.getLeft().exists()) {
                    return Either.left(mapped.getLeft().toFailure("mapping " + f.at().ref() + " to " + m.hostGroup()
                            + "/" + m.targetGroup()));
                }
                return Rest.ok(api.views(path), "reading the views of " + f.at().ref()).map(v -> new Exposed(Optional.of(v)));
            });
        });
    }

    /** The host group and target group of a mapping csi4j makes. */
    record Mapping(String hostGroup, String targetGroup) {}

    Either<Failure, Mapping> mapping(ArrayConfig config, VolumeParams params) {
        Optional<String> hg = params.hostGroup().or(config::defaultHostGroup).or(chap::initiatorGroup);
        Optional<String> tg = params.targetGroup().or(config::defaultTargetGroup);
        if (hg.isEmpty() || tg.isEmpty()) {
            return Either.left(Failure.invalidArgument("array " + config.configName() + " does not inherit the project's "
                    + "iSCSI views, so LUNs need a host group and a target group: set defaultHostGroup and "
                    + "defaultTargetGroup (or the StorageClass parameters hostGroup and targetGroup)"));
        }
        return Either.right(new Mapping(hg.get(), tg.get()));
    }

    static boolean inherits(ArrayConfig config, VolumeParams params) {
        return params.inheritProjectSettings().orElse(config.inheritProjectSettings());
    }

    @Override
    public Map<String, Object> resize(long bytes) {
        return Map.of("volSize", bytes);
    }

    @Override
    public Metadata annotate(Metadata meta, VolumeParams params) {
        return meta;
    }

    @Override
    public Either<Failure, Volume> present(Found f, Exposed exposed) {
        Either<Failure, List<SanRecords.View>> views = exposed.views().<Either<Failure, List<SanRecords.View>>>map(Either::right)
                .orElseGet(() -> Rest.ok(f.at().array().api().views(f.at().path()), "reading the views of "
                        + f.at().ref()));
        return views.flatMap(v -> dataPath(f, v)).map(path -> new Volume(Presentation.id(backend, f.at().ref()),
                Presentation.name(f), f.info().sizeBytes(), path, attributes(f), Presentation.source(backend, f),
                Presentation.topology(f), Presentation.parameters(f)));
    }

    /**
     * The LUN as nodes reach it through the volume's first view. A LUN without any view yet (a pre-existing one
     * never published) gets an empty target: nodes then need the publish context, which ControllerPublish fills.
     */
    Either<Failure, DataPath.IscsiLun> dataPath(Found f, List<SanRecords.View> views) {
        VolumeParams p = recorded(f);
        ArrayConfig config = f.at().array().config();
        String portal = p.dataIp().orElse(config.defaultDataIp()) + ":" + p.iscsiPort().orElse(config.defaultIscsiPort());
        Optional<SanRecords.View> view = views.stream()
                .filter(v -> p.targetGroup().or(config::defaultTargetGroup).map(v.targetGroup()::equals).orElse(true))
                .findFirst().or(() -> views.stream().findFirst());
        if (view.isEmpty()) {
            return Either.right(new DataPath.IscsiLun(List.of(portal), "", 0, chap.enabled()));
        }
        return targets.target(config.configName(), f.at().array().api(), view.get().targetGroup(),
                        p.target().or(config::defaultTarget))
                .map(t -> new DataPath.IscsiLun(List.of(portal), t.orElse(""), view.get().lun(), chap.enabled()));
    }

    private static Parameters attributes(Found f) {
        VolumeParams p = recorded(f);
        ArrayConfig config = f.at().array().config();
        Map<String, String> a = new TreeMap<>();
        a.put("configName", config.configName());
        a.put("project", f.at().ref().project());
        a.put("dataIp", p.dataIp().orElse(config.defaultDataIp()));
        a.put("iSCSIPort", Integer.toString(p.iscsiPort().orElse(config.defaultIscsiPort())));
        return new Parameters(a);
    }

    static VolumeParams recorded(Found f) {
        return VolumeParams.parse(Flavour.BLOCK, Presentation.parameters(f))
                .getOrElse(() -> VolumeParams.parse(Flavour.BLOCK, Parameters.EMPTY).get());
    }
}
