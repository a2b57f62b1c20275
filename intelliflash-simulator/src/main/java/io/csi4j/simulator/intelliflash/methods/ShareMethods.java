package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Dataset;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.Project;
import io.csi4j.simulator.intelliflash.model.Share;
import java.util.Map;

/**
 * Shares: create (quota and reservation of -1 mean none, default export path {@code /export/<project>/<share>},
 * default SMB name {@code <project>_<share>}), list (Share_V1_0, sizes as numbers), get (Share_V2_1, sizes as
 * strings), modify only the fields given, delete, and NFS/SMB exposure — where toggling drops the ACLs.
 */
final class ShareMethods {

    private ShareMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "createShare", a -> create(m, a));
        t.add(m, "listShares", a -> {
            Project p = m.project(a.string(0), a.string(1));
            return m.inProject(p.pool, p.name).stream().filter(Share.class::isInstance)
                    .map(d -> brief(m, (Share) d)).toList();
        });
        t.add(m, "getShare", a -> describe(m, m.share(a.string(0))));
        t.add(m, "modifyShareProperties", a -> {
            modify(m, m.share(a.string(0)), a.object(1));
            return Method.OK;
        });
        t.add(m, "deleteShare", a -> Deletion.dataset(m, a.string(0), a.boolOr(1, false), a.boolOr(2, true), Share.class));
        t.add(m, "deleteDataset", a -> Deletion.dataset(m, a.string(0), a.boolOr(1, false), a.boolOr(2, true),
                Dataset.class));
        t.add(m, "isShareExposedOverNFS", a -> m.nfsExposed(m.share(a.string(0))));
        t.add(m, "isShareExposedOverSMB", a -> m.smbExposed(m.share(a.string(0))));
        t.add(m, "setNFSSharingOnShare", a -> {
            Share s = m.share(a.string(0));
            s.nfsOverride = true;
            s.nfsOn = a.bool(1);
            // Array rule (swagger): turning sharing on or off removes the dataset's network ACLs.
            s.nfsAcls.clear();
            return Method.OK;
        });
        t.add(m, "setSMBSharingOnShare", a -> {
            Share s = m.share(a.string(0));
            s.smbOverride = true;
            s.smbOn = a.bool(1);
            a.optional(2).map(JsonNode::asText).filter(n -> !n.isEmpty()).ifPresent(n -> s.smbName = n);
            return Method.OK;
        });
    }

    private static Object create(ArrayModel m, Args a) {
        Project p = m.project(a.string(0), a.string(1));
        String name = Names.check("share", a.string(2));
        String path = Names.datasetPath(p.pool, p.name, name);
        if (m.find(path).isPresent()) {
            throw ZebiError.exists("dataset " + path);
        }
        JsonNode options = a.optional(3).orElse(null);
        long quota = options == null ? -1 : Args.field(options, "quota").map(n -> Args.number("quota", n)).orElse(-1L);
        long reservation = options == null ? -1
                : Args.field(options, "reservation").map(n -> Args.number("reservation", n)).orElse(-1L);
        String mountPoint = options == null ? "" : Args.field(options, "mountPoint").map(JsonNode::asText).orElse("");
        if (quota == 0 || quota < -1 || reservation < -1 || (quota > 0 && reservation > quota)) {
            throw new ZebiError("EZEBI_INVALID_QUOTA_RESERVATION_VALUE", "quota " + quota + " / reservation "
                    + reservation + " are not valid");
        }
        if (reservation > 0 && reservation > m.available(p.pool)) {
            throw ZebiError.noSpace("pool " + p.pool + " has " + m.available(p.pool) + " bytes free, the reservation "
                    + "asks for " + reservation);
        }
        mountPoint = mountPoint.isEmpty() ? "/export/" + p.name + "/" + name : mountPoint;
        String wanted = mountPoint;
        if (!wanted.startsWith("/") || m.datasets.values().stream().anyMatch(d -> d instanceof Share s
                && wanted.equals(s.mountPoint))) {
            throw new ZebiError("EZEBI_INVALID_MOUNT_POINT", "mount point " + wanted + " is not absolute or is in use");
        }
        Share s = new Share(p.pool, p.name, name, m.clock().instant());
        s.quota = quota;
        s.reservation = reservation;
        s.mountPoint = mountPoint;
        s.smbName = p.name + "_" + name;
        if (options != null) {
            Args.field(options, "blockSize").ifPresent(b -> s.blockSize = BlockSizes.check(b.asText()));
        }
        m.data.createDirectory(path);
        m.datasets.put(path, s);
        return Method.OK;
    }

    static void modify(ArrayModel m, Share s, JsonNode changes) {
        Args.field(changes, "quotaInByte").ifPresent(q -> {
            long quota = Args.number("quotaInByte", q);
            if (quota == 0 || quota < -1 || (quota > 0 && quota < m.data.used(s.path()))) {
                throw new ZebiError("EZEBI_INVALID_QUOTA_RESERVATION_VALUE", "quota " + quota + " is below what the "
                        + "share holds or not valid");
            }
            s.quota = quota;
        });
        Args.field(changes, "reservationInByte").ifPresent(r -> s.reservation = Args.number("reservationInByte", r));
        Args.field(changes, "readonly").ifPresent(r -> s.readonly = r.asText());
        Args.field(changes, "purpose").ifPresent(p -> s.purpose = p.asText());
        Args.field(changes, "cifsDisplayName").ifPresent(n -> s.smbName = n.asText());
    }

    private static Map<String, Object> brief(ArrayModel m, Share s) {
        long used = m.data.used(s.path());
        long total = s.quota > 0 ? s.quota : m.pool(s.pool).totalSize();
        return Obj.of().put("availableSize", Math.max(0, total - used)).put("datasetPath", s.path()).put("local", true)
                .put("mountpoint", s.mountPoint).put("name", s.name).put("poolName", s.pool)
                .put("projectName", s.project).put("totalSize", total).map();
    }

    static Map<String, Object> describe(ArrayModel m, Share s) {
        long used = m.data.used(s.path());
        long total = s.quota > 0 ? s.quota : m.pool(s.pool).totalSize();
        return Obj.of().put("projectName", s.project).put("poolName", s.pool).put("localDataset", true)
                .put("purpose", s.purpose).put("compression", "lz4").put("dedup", "on").put("copies", "1")
                .put("readonly", s.readonly).put("zfsDataSetName", s.path()).put("name", s.name)
                .put("guid", Integer.toHexString(s.path().hashCode()))
                .put("override", Obj.of().put("Sharenfs", s.nfsOverride).put("Sharesmb", s.smbOverride)
                        .put("MountPoint", true).map())
                .put("reservationInByte", s.reservation).put("reservationEnabled", s.reservation > 0)
                .put("containerName", "Local").put("quotaInByte", s.quota).put("quotaEnabled", s.quota > 0)
                .put("mountPoint", s.mountPoint).put("availableSize", Long.toString(Math.max(0, total - used)))
                .put("totalSize", Long.toString(total)).put("cifsDisplayName", s.smbName).put("guestStatus", false)
                .put("aclInherit", "on").put("recordSize", s.blockSize).put("atime", "on").put("nbmand", "off")
                .put("krbStatus", false).map();
    }
}
