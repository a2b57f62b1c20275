package io.csi4j.simulator.intelliflash.http;

import io.csi4j.simulator.intelliflash.model.Acl;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Dataset;
import io.csi4j.simulator.intelliflash.model.Project;
import io.csi4j.simulator.intelliflash.model.San;
import io.csi4j.simulator.intelliflash.model.Share;
import io.csi4j.simulator.intelliflash.model.Snapshot;
import io.csi4j.simulator.intelliflash.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole array as one deterministic JSON-able tree, for tests that compare the array before and after a
 * request, and the exports and LUNs a test node's NFS, SMB and iSCSI servers should serve.
 */
public final class StateDump {

    private StateDump() {}

    public static Map<String, Object> state(ArrayModel m) {
        return m.locked(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pools", m.pools.values().stream().map(p -> Map.of("name", p.name(), "totalSize", p.totalSize()))
                    .toList());
            out.put("projects", m.projects.values().stream().map(StateDump::project).toList());
            out.put("datasets", m.datasets.values().stream().map(d -> dataset(m, d)).toList());
            out.put("initiators", m.san.initiators.values().stream().map(i -> Map.of("name", i.name, "group", i.group,
                    "chapUser", i.chapUser == null ? "" : i.chapUser)).toList());
            out.put("initiatorGroups", List.copyOf(m.san.initiatorGroups.keySet()));
            out.put("targetGroups", Map.copyOf(m.san.targetGroups));
            out.put("targets", m.san.targets.values().stream().map(San.Target::name).toList());
            return out;
        });
    }

    /** What must be exported: NFS shares (path on disk, export path, ACL), SMB shares, and LUNs with their views. */
    public static Map<String, Object> exports(ArrayModel m) {
        return m.locked(() -> {
            List<Object> nfs = new ArrayList<>();
            List<Object> smb = new ArrayList<>();
            List<Object> luns = new ArrayList<>();
            for (Dataset d : m.datasets.values()) {
                if (d instanceof Share s && m.nfsExposed(s)) {
                    nfs.add(Map.of("mountPoint", s.mountPoint, "path", m.data.of(s.path()).toString(),
                            "acl", m.nfsAcls(s).stream().map(StateDump::acl).toList()));
                }
                if (d instanceof Share s && m.smbExposed(s)) {
                    smb.add(Map.of("name", s.smbName, "path", m.data.of(s.path()).toString()));
                }
                if (d instanceof Volume v) {
                    for (var view : v.views) {
                        luns.add(Map.of("path", m.data.of(v.path()).toString(), "lun", view.lunNbr(),
                                "targetGroup", view.targetGroupName(), "hostGroup", view.hostGroupName(),
                                "readOnly", view.readOnly(), "targets", m.san.targets.values().stream()
                                        .filter(t -> t.group().equals(view.targetGroupName())).map(San.Target::name).toList(),
                                "initiators", m.san.initiators.values().stream()
                                        .filter(i -> i.group.equals(view.hostGroupName())).map(i -> i.name).toList()));
                    }
                }
            }
            return Map.of("nfs", nfs, "smb", smb, "luns", luns);
        });
    }

    private static Map<String, Object> project(Project p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", p.path());
        out.put("nfsOn", p.nfsOn);
        out.put("smbOn", p.smbOn);
        out.put("acl", p.nfsAcls.stream().map(StateDump::acl).toList());
        out.put("defaultViews", p.defaultViews.stream().map(Object::toString).toList());
        return out;
    }

    private static Map<String, Object> dataset(ArrayModel m, Dataset d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", d.path());
        out.put("purpose", d.purpose);
        out.put("origin", d.origin == null ? "" : d.origin);
        out.put("snapshots", d.snapshots.values().stream().map(StateDump::snapshot).toList());
        if (d instanceof Share s) {
            out.put("kind", "share");
            out.put("quota", s.quota);
            out.put("mountPoint", s.mountPoint);
            out.put("nfs", m.nfsExposed(s));
            out.put("acl", m.nfsAcls(s).stream().map(StateDump::acl).toList());
            out.put("smb", m.smbExposed(s));
        } else if (d instanceof Volume v) {
            out.put("kind", "volume");
            out.put("volSize", v.volSize);
            out.put("views", v.views.stream().map(Object::toString).toList());
        }
        return out;
    }

    private static Map<String, Object> snapshot(Snapshot s) {
        return Map.of("name", s.storedName, "clones", List.copyOf(s.clones));
    }

    private static String acl(Acl a) {
        return a.accessMode() + (a.rootAccessForNFS() ? ",root" : "") + "@" + a.host();
    }
}
