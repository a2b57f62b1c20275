package io.csi4j.adapters.intelliflash.array;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.adapters.intelliflash.rest.Idempotency;
import io.csi4j.adapters.intelliflash.rest.RestClient;
import io.csi4j.adapters.intelliflash.rest.RestError;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IntelliFlash calls the backends make, typed: arguments in the array's positional order, answers decoded
 * into records. One instance per array and credentials; {@link #as} gives the same array with other credentials.
 */
public final class ArrayApi {

    private final RestClient rest;
    private final Optional<Credentials> as;

    public ArrayApi(RestClient rest) {
        this(rest, Optional.empty());
    }

    private ArrayApi(RestClient rest, Optional<Credentials> as) {
        this.rest = rest;
        this.as = as;
    }

    /** The same array, called with {@code credentials} (from StorageClass secrets). */
    public ArrayApi as(Credentials credentials) {
        return new ArrayApi(rest, Optional.of(credentials));
    }

    public RestClient client() {
        return rest;
    }

    private Either<RestError, JsonNode> read(String method, Object... args) {
        return as.map(c -> rest.call(c, method, Idempotency.READ, args)).orElseGet(() -> rest.call(method,
                Idempotency.READ, args));
    }

    private Either<RestError, JsonNode> write(String method, Object... args) {
        return as.map(c -> rest.call(c, method, Idempotency.WRITE, args)).orElseGet(() -> rest.call(method,
                Idempotency.WRITE, args));
    }

    private Either<RestError, JsonNode> command(String method, Object... args) {
        return write(method, args).flatMap(n -> Decode.status(method, n));
    }

    // ---- system ----------------------------------------------------------------------------------------------

    public Either<RestError, String> version() {
        return read("listSystemProperties", List.of("ZEBI_APPLIANCE_VERSION"))
                .map(n -> n.isArray() && !n.isEmpty() ? n.get(0).asText() : "");
    }

    public Either<RestError, List<SanRecords.Pool>> pools() {
        return read("listPools").flatMap(n -> Decode.list("listPools", n, p -> new SanRecords.Pool(Decode.text(p, "name"),
                Decode.number(p.get("availableSize")), Decode.number(p.get("totalSize")))));
    }

    public Either<RestError, List<String>> projects(String pool) {
        return read("listProjects", pool, true).flatMap(n -> Decode.list("listProjects", n, p -> Decode.text(p, "name")));
    }

    // ---- datasets (shares and volumes) -----------------------------------------------------------------------

    public Either<RestError, DatasetInfo> get(DatasetKind kind, String path) {
        return read(kind.get, path).map(n -> kind == DatasetKind.SHARE ? share(n) : volume(n));
    }

    public Either<RestError, List<DatasetInfo>> list(DatasetKind kind, String pool, String project) {
        return read(kind.list, pool, project, true).flatMap(n -> Decode.list(kind.list, n, e -> brief(kind, e)));
    }

    /** Deletes a dataset without its clones; an absent one is not an error. */
    public Either<RestError, JsonNode> delete(DatasetKind kind, String path) {
        return write(kind.delete, path, false, false);
    }

    /** Changes only the given properties ({@code purpose}, {@code quotaInByte}, {@code volSize}, ...). */
    public Either<RestError, JsonNode> modify(DatasetKind kind, String path, Map<String, Object> changes) {
        return command(kind.modify, path, changes);
    }

    public Either<RestError, JsonNode> createShare(String pool, String project, String name, long quota) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("blockSize", "128KB");
        options.put("mountPoint", "");
        options.put("quota", quota);
        options.put("reservation", -1);
        return command("createShare", pool, project, name, options, List.of());
    }

    public Either<RestError, JsonNode> createVolume(String pool, String project, String name, long size, String blockSize,
            boolean thin, boolean inheritViews) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("poolName", pool);
        v.put("projectName", project);
        v.put("datasetPath", ArrayPaths.project(pool, project));
        v.put("volSize", size);
        v.put("blockSize", blockSize);
        v.put("thinProvision", thin);
        v.put("protocol", "iSCSI");
        v.put("local", true);
        return command("createVolume", v, inheritViews);
    }

    // ---- snapshots and clones --------------------------------------------------------------------------------

    /** Takes a snapshot; the array stores it as {@code <prefix><name>}. */
    public Either<RestError, JsonNode> snapshot(DatasetInfo d, String name) {
        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("poolName", d.pool());
        obj.put("projectName", d.project());
        obj.put("name", d.name());
        obj.put("datasetPath", d.path());
        obj.put("local", true);
        return write(d.kind().snapshot, obj, name, false);
    }

    /** Stored snapshot names of a dataset matching {@code regex}. */
    public Either<RestError, List<String>> snapshots(String datasetPath, String regex) {
        return read("listSnapshots", datasetPath, regex).flatMap(n -> Decode.list("listSnapshots", n, JsonNode::asText));
    }

    /** Deletes a snapshot (not its clones); true when deleted, false when clones kept it. */
    public Either<RestError, Boolean> deleteSnapshot(DatasetKind kind, String snapshotPath) {
        return write(kind.deleteSnapshot, snapshotPath, false).map(n -> {
            JsonNode failed = n.path("failedToDeleteList");
            return !(failed.isArray() && !failed.isEmpty());
        });
    }

    public Either<RestError, JsonNode> clone(DatasetKind kind, String snapshotPath, String name, boolean inheritViews) {
        return kind == DatasetKind.SHARE ? write(kind.clone, snapshotPath, name, false)
                : write(kind.clone, snapshotPath, name, false, inheritViews, true);
    }

    // ---- NFS / SMB exposure of shares ------------------------------------------------------------------------

    public Either<RestError, Boolean> nfsExposed(String path) {
        return read("isShareExposedOverNFS", path).map(Decode::bool);
    }

    /** Turns NFS sharing on or off; the array drops the share's ACLs whenever this is called. */
    public Either<RestError, JsonNode> setNfs(String path, boolean on) {
        return command("setNFSSharingOnShare", path, on);
    }

    public Either<RestError, List<SanRecords.NetAcl>> nfsAcls(String path) {
        return read("getNFSNetworkACLsOnShare", path).flatMap(n -> Decode.list("getNFSNetworkACLsOnShare", n,
                a -> new SanRecords.NetAcl(Decode.text(a, "hostType"), Decode.text(a, "host"), Decode.text(a, "accessMode"),
                        Decode.bool(a.get("rootAccessForNFS")))));
    }

    public Either<RestError, JsonNode> addNfsAcl(String path, SanRecords.NetAcl acl) {
        return command("addNFSNetworkACLOnShare", path, acl.hostType(), acl.host(), acl.accessMode(), acl.rootAccess());
    }

    public Either<RestError, JsonNode> removeNfsAcl(String path, String hostType, String host) {
        return command("removeNFSNetworkACLOnShare", path, hostType, host);
    }

    public Either<RestError, JsonNode> setNfsAcls(String path, List<SanRecords.NetAcl> acls) {
        return command("setNFSNetworkACLsOnShare", path, acls.stream().map(a -> Map.of("hostType", a.hostType(),
                "host", a.host(), "accessMode", a.accessMode(), "rootAccessForNFS", a.rootAccess())).toList());
    }

    public Either<RestError, Boolean> smbExposed(String path) {
        return read("isShareExposedOverSMB", path).map(Decode::bool);
    }

    public Either<RestError, JsonNode> setSmb(String path, boolean on, String shareName) {
        return command("setSMBSharingOnShare", path, on, shareName, false);
    }

    // ---- SAN -------------------------------------------------------------------------------------------------

    public Either<RestError, List<SanRecords.View>> views(String volumePath) {
        return read("getVolumeITView", volumePath).flatMap(n -> Decode.list("getVolumeITView", n,
                v -> new SanRecords.View(Decode.text(v, "hostGroupName"), Decode.text(v, "targetGroupName"),
                        (int) Decode.number(v.get("lunNbr")), Decode.bool(v.get("readOnly")))));
    }

    public Either<RestError, JsonNode> map(String volumePath, String hostGroup, String targetGroup) {
        return command("createMappingForVolume", volumePath, hostGroup, targetGroup, -1, false);
    }

    public Either<RestError, JsonNode> unmap(String volumePath, String hostGroup, String targetGroup) {
        return command("deleteMappingFromVolume", volumePath, hostGroup, targetGroup);
    }

    public Either<RestError, List<String>> targetsIn(String targetGroup) {
        return read("listTargetsInTargetGroup", targetGroup)
                .flatMap(n -> Decode.list("listTargetsInTargetGroup", n, JsonNode::asText));
    }

    /** Initiators whose name matches {@code regex}, with the group each is in ("" for none). */
    public Either<RestError, Map<String, String>> initiators(String regex) {
        return read("listISCSIInitiators", regex).flatMap(n -> Decode.list("listISCSIInitiators", n,
                i -> Map.entry(Decode.text(i, "initiatorName"), Decode.text(i, "initiatorGroupName"))))
                .map(list -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    list.forEach(e -> out.put(e.getKey(), e.getValue()));
                    return out;
                });
    }

    /** Registers an initiator; the array refuses one that exists. */
    public Either<RestError, JsonNode> createInitiator(String name, String chapUser, String chapSecret) {
        return command("createIscsiInitiator", Map.of("initiatorName", name, "chapUserName", chapUser,
                "chapSecret", chapSecret));
    }

    public Either<RestError, JsonNode> addToGroup(String initiator, String group) {
        return command("addInitiatorToInitiatorGroup", initiator, group);
    }

    // ---- decoding --------------------------------------------------------------------------------------------

    private static DatasetInfo share(JsonNode n) {
        long quota = Decode.number(n.get("quotaInByte"));
        return new DatasetInfo(DatasetKind.SHARE, Decode.text(n, "poolName"), Decode.text(n, "projectName"),
                Decode.text(n, "name"), Math.max(0, quota), Decode.text(n, "purpose"), Decode.text(n, "mountPoint"),
                Decode.text(n, "cifsDisplayName"), Decode.bool(n.path("override").get("Sharenfs")), "", false);
    }

    private static DatasetInfo volume(JsonNode n) {
        return new DatasetInfo(DatasetKind.VOLUME, Decode.text(n, "poolName"), Decode.text(n, "projectName"),
                Decode.text(n, "name"), Decode.number(n.get("volSize")), Decode.text(n, "purpose"), "", "", false,
                Decode.text(n, "blockSize"), Decode.bool(n.get("thinProvisioning")));
    }

    /** Listings use the V1_0 shapes: lower-case {@code mountpoint}, {@code thinProvision}, no purpose or quota. */
    private static DatasetInfo brief(DatasetKind kind, JsonNode n) {
        return kind == DatasetKind.SHARE
                ? new DatasetInfo(kind, Decode.text(n, "poolName"), Decode.text(n, "projectName"), Decode.text(n, "name"),
                        0, "", Decode.text(n, "mountpoint"), "", false, "", false)
                : new DatasetInfo(kind, Decode.text(n, "poolName"), Decode.text(n, "projectName"), Decode.text(n, "name"),
                        Decode.number(n.get("volSize")), "", "", "", false, Decode.text(n, "blockSize"),
                        Decode.bool(n.get("thinProvision")));
    }
}
