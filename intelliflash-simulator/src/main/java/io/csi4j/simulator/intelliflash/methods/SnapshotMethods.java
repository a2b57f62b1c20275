package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Dataset;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.Share;
import io.csi4j.simulator.intelliflash.model.Snapshot;
import io.csi4j.simulator.intelliflash.model.View;
import io.csi4j.simulator.intelliflash.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Snapshots and clones with the array's naming: {@code createShareSnapshot} stores {@code Manual-S-<name>},
 * {@code createVolumeSnapshot} {@code Manual-V-<name>}; listing returns stored names; status calls take the
 * unprefixed name; delete and clone take the stored one. Clones live in the source's project and depend on their
 * snapshot, which cannot be deleted while they exist (unless recursive).
 */
final class SnapshotMethods {

    static final String SHARE_PREFIX = "Manual-S-";
    static final String VOLUME_PREFIX = "Manual-V-";

    private SnapshotMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "createShareSnapshot", a -> {
            Share s = m.share(identify(a.object(0), "createShareSnapshot"));
            take(m, s, SHARE_PREFIX + Names.check("snapshot", a.string(1)), s.quota, 0);
            return Method.VOID;
        });
        t.add(m, "createVolumeSnapshot", a -> {
            Volume v = m.volume(identify(a.object(0), "createVolumeSnapshot"));
            take(m, v, VOLUME_PREFIX + Names.check("snapshot", a.string(1)), -1, v.volSize);
            return Method.VOID;
        });
        t.add(m, "getShareSnapshotCreationStatus", a -> status(m.share(a.string(0)), SHARE_PREFIX + a.string(1)));
        t.add(m, "getVolumeSnapshotCreationStatus", a -> status(m.volume(a.string(0)), VOLUME_PREFIX + a.string(1)));
        t.add(m, "listSnapshots", a -> {
            String path = a.string(0);
            Pattern p = regex(a.optional(1).map(JsonNode::asText).orElse(""));
            if (m.projects.containsKey(path)) {
                return List.of();
            }
            Dataset d = m.find(path).orElseThrow(() -> ZebiError.notFound("dataset " + path));
            return d.snapshots.keySet().stream().filter(n -> p.matcher(n).find()).toList();
        });
        t.add(m, "deleteShareSnapshot", a -> delete(m, a.string(0), a.boolOr(1, false), Share.class));
        t.add(m, "deleteVolumeSnapshot", a -> delete(m, a.string(0), a.boolOr(1, false), Volume.class));
        t.add(m, "cloneShareSnapshot", a -> {
            cloneShare(m, m.snapshot(a.string(0)), Names.check("clone", a.string(1)), a.boolOr(2, false));
            return Method.VOID;
        });
        t.add(m, "cloneVolumeSnapshot", a -> {
            cloneVolume(m, m.snapshot(a.string(0)), Names.check("clone", a.string(1)), a.boolOr(2, false),
                    a.boolOr(3, false), a.boolOr(4, true));
            return Method.VOID;
        });
    }

    /** Clients send the share/volume object; pool, project and name identify it (datasetPath may be the project's). */
    private static String identify(JsonNode o, String method) {
        return Names.datasetPath(Args.requiredText(o, "poolName", method), Args.requiredText(o, "projectName", method),
                Args.requiredText(o, "name", method));
    }

    private static void take(ArrayModel m, Dataset d, String stored, long quota, long volSize) {
        if (d.snapshots.containsKey(stored)) {
            throw ZebiError.exists("snapshot " + d.path() + "@" + stored);
        }
        Snapshot s = new Snapshot(d.path(), stored, m.clock().instant(), quota, volSize);
        Names.datasetPath(d.pool, d.project, d.name + "@" + stored);
        m.data.snapshot(d.path(), s.path());
        d.snapshots.put(stored, s);
    }

    private static Object status(Dataset d, String stored) {
        if (!d.snapshots.containsKey(stored)) {
            throw ZebiError.notFound("snapshot " + d.path() + "@" + stored);
        }
        // 0: the snapshot is complete (the simulator takes snapshots synchronously).
        return Obj.of().put("snapshotProgressStatus", 0).map();
    }

    private static Object delete(ArrayModel m, String path, boolean recursive, Class<? extends Dataset> kind) {
        Snapshot s = m.snapshot(path);
        if (!kind.isInstance(m.find(s.datasetPath).orElse(null))) {
            throw ZebiError.notFound("snapshot " + path);
        }
        List<String> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (!s.clones.isEmpty() && !recursive) {
            failed.add(path);
        } else {
            Deletion.removeSnapshot(m, s, recursive);
            deleted.add(path);
        }
        // 0: all deleted; 2: none deleted (dependent clones).
        return Obj.of().put("deletedList", deleted).put("failedToDeleteList", failed)
                .put("snapshotDeletionStatus", failed.isEmpty() ? 0 : 2).map();
    }

    private static void cloneShare(ArrayModel m, Snapshot snap, String name, boolean inherit) {
        Share source = m.share(snap.datasetPath);
        String path = Names.datasetPath(source.pool, source.project, name);
        if (m.find(path).isPresent()) {
            throw ZebiError.exists("dataset " + path);
        }
        Share c = new Share(source.pool, source.project, name, m.clock().instant());
        c.quota = snap.quota;
        c.mountPoint = "/export/" + source.project + "/" + name;
        c.smbName = source.project + "_" + name;
        c.blockSize = source.blockSize;
        if (inherit) {
            c.nfsOverride = source.nfsOverride;
            c.nfsOn = source.nfsOn;
            c.smbOverride = source.smbOverride;
            c.smbOn = source.smbOn;
        }
        c.origin = snap.path();
        m.data.clone(snap.path(), path);
        m.datasets.put(path, c);
        snap.clones.add(path);
    }

    private static void cloneVolume(ArrayModel m, Snapshot snap, String name, boolean viewsFromVolume,
            boolean viewsFromProject, boolean iscsi) {
        Volume source = m.volume(snap.datasetPath);
        String path = Names.datasetPath(source.pool, source.project, name);
        if (m.find(path).isPresent()) {
            throw ZebiError.exists("dataset " + path);
        }
        Volume c = new Volume(source.pool, source.project, name, m.clock().instant(), m.nextLuId());
        c.volSize = snap.volSize;
        c.blockSize = source.blockSize;
        c.thin = source.thin;
        c.protocol = iscsi ? "iSCSI" : "FC";
        List<View> wanted = new ArrayList<>();
        if (viewsFromVolume) {
            wanted.addAll(source.views);
        }
        if (viewsFromProject) {
            wanted.addAll(m.projectOf(source).defaultViews);
        }
        for (View v : wanted) {
            if (c.views.stream().noneMatch(x -> x.hostGroupName().equals(v.hostGroupName())
                    && x.targetGroupName().equals(v.targetGroupName()))) {
                var used = VolumeMethods.lunsIn(m, v.targetGroupName());
                c.views.stream().filter(x -> x.targetGroupName().equals(v.targetGroupName()))
                        .forEach(x -> used.add(x.lunNbr()));
                c.views.add(new View(v.hostGroupName(), v.targetGroupName(), VolumeMethods.lowestFree(m, used),
                        v.readOnly()));
            }
        }
        c.origin = snap.path();
        m.data.clone(snap.path(), path);
        m.datasets.put(path, c);
        snap.clones.add(path);
    }

    private static Pattern regex(String r) {
        try {
            return Pattern.compile(r.isEmpty() ? ".*" : r);
        } catch (PatternSyntaxException e) {
            throw ZebiError.invalid("not a regular expression: " + r);
        }
    }
}
