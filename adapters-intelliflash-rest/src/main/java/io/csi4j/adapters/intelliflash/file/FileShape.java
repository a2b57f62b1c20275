package io.csi4j.adapters.intelliflash.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.array.ArrayApi;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.csi4j.adapters.intelliflash.core.Found;
import io.csi4j.adapters.intelliflash.core.Located;
import io.csi4j.adapters.intelliflash.core.Metadata;
import io.csi4j.adapters.intelliflash.core.NfsAccessList;
import io.csi4j.adapters.intelliflash.core.Presentation;
import io.csi4j.adapters.intelliflash.core.Rest;
import io.csi4j.adapters.intelliflash.core.Shape;
import io.csi4j.adapters.intelliflash.core.VolumeParams;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Volumes as shares: a share with the size as its quota, not shared over NFS until a node is published (or shared
 * with exactly the StorageClass's {@code nfsAccessList}), or shared over SMB for {@code mountFsType: cifs}. Nodes
 * reach it as an NFS export {@code <dataIp>:<mountPoint>} or an SMB share {@code //<dataIp>/<cifsDisplayName>}.
 */
public final class FileShape implements Shape {

    private final BackendName backend;

    public FileShape(BackendName backend) {
        this.backend = backend;
    }

    @Override
    public Either<RestError, JsonNode> makeEmpty(ArrayApi api, Located at, long size, VolumeParams params) {
        return api.createShare(at.pool(), at.ref().project(), at.ref().name(), size);
    }

    @Override
    public Either<Failure, Exposed> expose(ArrayApi api, Found f, VolumeParams params) {
        String path = f.at().path();
        String context = "sharing " + f.at().ref();
        Either<Failure, Done> done;
        if (isSmb(f.at().array().config(), params)) {
            done = nfsOff(api, f).flatMap(x -> Rest.ok(api.smbExposed(path), context))
                    .flatMap(on -> on ? Either.right(Done.DONE) : Rest.done(api.setSmb(path, true, f.info().smbName()), context));
        } else if (params.nfsAccessList().isEmpty()) {
            // Only nodes the volume is published to may mount it: until then it is not exported at all (an export
            // without ACL entries would be open to every host).
            done = nfsOff(api, f);
        } else {
            // Turning sharing on drops ACLs, so it is turned on first and the list set after.
            done = Rest.ok(api.nfsExposed(path), context)
                    .flatMap(on -> on && f.info().sharingOverridden() ? Either.right(Done.DONE)
                            : Rest.done(api.setNfs(path, true), context))
                    .flatMap(x -> Rest.done(api.setNfsAcls(path, params.nfsAccessList()), context));
        }
        return done.map(x -> Exposed.NOTHING);
    }

    private static Either<Failure, Done> nfsOff(ArrayApi api, Found f) {
        String path = f.at().path();
        String context = "unsharing " + f.at().ref();
        if (!f.info().sharingOverridden()) {
            return Rest.done(api.setNfs(path, false), context);
        }
        return Rest.ok(api.nfsExposed(path), context)
                .flatMap(on -> on ? Rest.done(api.setNfs(path, false), context) : Either.right(Done.DONE));
    }

    @Override
    public Map<String, Object> resize(long bytes) {
        return Map.of("quotaInByte", bytes);
    }

    @Override
    public Metadata annotate(Metadata meta, VolumeParams params) {
        return meta.withStaticAcl(params.nfsAccessList().stream().map(NfsAccessList::render).toList());
    }

    @Override
    public Either<Failure, Volume> present(Found f, Exposed exposed) {
        VolumeParams p = recorded(f);
        ArrayConfig config = f.at().array().config();
        String dataIp = p.dataIp().orElse(config.defaultDataIp());
        List<String> options = Presentation.withoutCredentials(p.mountOptions().orElse(config.defaultMountOptions()));
        boolean smb = isSmb(config, p);
        DataPath path = smb ? new DataPath.SmbShare(dataIp, f.info().smbName(), options)
                : new DataPath.NfsExport(dataIp, f.info().mountPoint(), options);
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("configName", config.configName());
        attributes.put("project", f.at().ref().project());
        attributes.put("dataIp", dataIp);
        attributes.put("mountFsType", smb ? "cifs" : "nfs");
        attributes.put(smb ? "smbShare" : "mountPoint", smb ? f.info().smbName() : f.info().mountPoint());
        if (!options.isEmpty()) {
            attributes.put("mountOptions", String.join(",", options));
        }
        return Either.right(new Volume(Presentation.id(backend, f.at().ref()), Presentation.name(f), f.info().sizeBytes(),
                path, new Parameters(attributes), Presentation.source(backend, f), Presentation.topology(f),
                Presentation.parameters(f)));
    }

    /** The parameters the volume was made with (defaults for a volume csi4j did not make). */
    static VolumeParams recorded(Found f) {
        return VolumeParams.parse(Flavour.FILE, Presentation.parameters(f))
                .getOrElse(() -> VolumeParams.parse(Flavour.FILE, Parameters.EMPTY).get());
    }

    static boolean isSmb(ArrayConfig config, VolumeParams p) {
        return p.mountFsType().orElse(config.defaultMountFsType()).equals("cifs");
    }
}
