package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.Project;
import io.csi4j.simulator.intelliflash.model.View;
import io.csi4j.simulator.intelliflash.model.Volume;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Volumes (LUNs): create (size a multiple of the block size, thick ones need free space, optional copy of the
 * project's default views), list (Volume_V1_0: {@code thinProvision}), get (Volume_V2_1:
 * {@code thinProvisioning}), grow, delete, and the views that map them to host and target groups.
 */
final class VolumeMethods {

    private VolumeMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "createVolume", a -> create(m, a.object(0), a.boolOr(1, false)));
        t.add(m, "listVolumes", a -> {
            Project p = m.project(a.string(0), a.string(1));
            return m.inProject(p.pool, p.name).stream().filter(Volume.class::isInstance)
                    .map(d -> brief((Volume) d)).toList();
        });
        t.add(m, "getVolume", a -> describe(m, m.volume(a.string(0))));
        t.add(m, "modifyVolumeProperties", a -> {
            modify(m, m.volume(a.string(0)), a.object(1));
            return Method.OK;
        });
        t.add(m, "deleteVolume", a -> Deletion.dataset(m, a.string(0), a.boolOr(1, false), a.boolOr(2, true),
                Volume.class));
        t.add(m, "getVolumeITView", a -> m.volume(a.string(0)).views.stream().map(VolumeMethods::view).toList());
        t.add(m, "createMappingForVolume", a -> {
            Volume v = m.volume(a.string(0));
            String ig = a.string(1);
            String tg = a.string(2);
            SanMethods.requireGroups(m, ig, tg);
            if (v.views.stream().anyMatch(x -> x.hostGroupName().equals(ig) && x.targetGroupName().equals(tg))) {
                throw ZebiError.exists("a view of " + v.path() + " for " + ig + "/" + tg);
            }
            int lun = (int) a.number(3);
            Set<Integer> used = lunsIn(m, tg);
            if (lun == -1) {
                lun = lowestFree(m, used);
            } else if (lun < 0 || lun > 16383 || used.contains(lun)) {
                throw ZebiError.invalid("LUN " + lun + " is taken or out of range in target group " + tg);
            }
            v.views.add(new View(ig, tg, lun, a.boolOr(4, false)));
            return Method.OK;
        });
        t.add(m, "deleteMappingFromVolume", a -> {
            Volume v = m.volume(a.string(0));
            if (!v.views.removeIf(x -> x.hostGroupName().equals(a.string(1)) && x.targetGroupName().equals(a.string(2)))) {
                throw ZebiError.notFound("view " + a.string(1) + "/" + a.string(2) + " of " + v.path());
            }
            return Method.OK;
        });
    }

    private static Object create(ArrayModel m, JsonNode spec, boolean inheritViews) {
        Project p = m.project(Args.requiredText(spec, "poolName", "createVolume"),
                Args.requiredText(spec, "projectName", "createVolume"));
        String name = Names.check("volume", Args.requiredText(spec, "name", "createVolume"));
        String path = Names.datasetPath(p.pool, p.name, name);
        if (m.find(path).isPresent()) {
            throw ZebiError.exists("dataset " + path);
        }
        String blockSize = BlockSizes.check(Args.field(spec, "blockSize").map(JsonNode::asText).orElse(p.defaultBlockSize));
        long size = Args.field(spec, "volSize").map(n -> Args.number("volSize", n)).orElse(p.defaultVolumeSize);
        checkSize(size, blockSize);
        boolean thin = Args.field(spec, "thinProvision").map(n -> Args.bool("thinProvision", n)).orElse(false);
        if (!thin && size > m.available(p.pool)) {
            throw ZebiError.noSpace("pool " + p.pool + " has " + m.available(p.pool) + " bytes free; a thick volume of "
                    + size + " bytes does not fit");
        }
        Volume v = new Volume(p.pool, p.name, name, m.clock().instant(), m.nextLuId());
        v.volSize = size;
        v.blockSize = blockSize;
        v.thin = thin;
        v.protocol = Args.field(spec, "protocol").map(JsonNode::asText).orElse("iSCSI");
        if (inheritViews) {
            for (View d : p.defaultViews) {
                Set<Integer> used = lunsIn(m, d.targetGroupName());
                v.views.stream().filter(x -> x.targetGroupName().equals(d.targetGroupName()))
                        .forEach(x -> used.add(x.lunNbr()));
                v.views.add(new View(d.hostGroupName(), d.targetGroupName(), lowestFree(m, used), d.readOnly()));
            }
        }
        m.data.createFile(path, size);
        m.datasets.put(path, v);
        return Method.OK;
    }

    static void checkSize(long size, String blockSize) {
        if (size <= 0 || size % BlockSizes.bytes(blockSize) != 0) {
            throw new ZebiError("EZEBI_INVALID_NUMBER_VALUE_GENERAL", "volume size " + size
                    + " must be a positive multiple of the block size " + blockSize);
        }
    }

    private static void modify(ArrayModel m, Volume v, JsonNode changes) {
        Args.field(changes, "volSize").ifPresent(n -> {
            long size = Args.number("volSize", n);
            checkSize(size, v.blockSize);
            if (size < v.volSize) {
                throw ZebiError.notAllowed("volume " + v.path() + " cannot shrink from " + v.volSize + " to " + size);
            }
            if (!v.thin && size - v.volSize > m.available(v.pool)) {
                throw ZebiError.noSpace("pool " + v.pool + " cannot grow a thick volume by " + (size - v.volSize));
            }
            m.data.resize(v.path(), size);
            v.volSize = size;
        });
        Args.field(changes, "purpose").ifPresent(p -> v.purpose = p.asText());
    }

    static Set<Integer> lunsIn(ArrayModel m, String targetGroup) {
        Set<Integer> used = new TreeSet<>();
        m.datasets.values().stream().filter(Volume.class::isInstance).flatMap(d -> ((Volume) d).views.stream())
                .filter(x -> x.targetGroupName().equals(targetGroup)).forEach(x -> used.add(x.lunNbr()));
        return used;
    }

    static int lowestFree(ArrayModel m, Set<Integer> used) {
        int lun = m.firstLun;
        while (used.contains(lun)) {
            lun++;
        }
        return lun;
    }

    static Map<String, Object> view(View v) {
        return Obj.of().put("hostGroupName", v.hostGroupName()).put("targetGroupName", v.targetGroupName())
                .put("lunNbr", v.lunNbr()).put("readOnly", v.readOnly()).map();
    }

    static Map<String, Object> brief(Volume v) {
        return Obj.of().put("blockSize", v.blockSize).put("datasetPath", v.path()).put("local", true).put("luId", v.luId)
                .put("name", v.name).put("poolName", v.pool).put("projectName", v.project).put("protocol", v.protocol)
                .put("thinProvision", v.thin).put("volSize", v.volSize).map();
    }

    private static Map<String, Object> describe(ArrayModel m, Volume v) {
        return Obj.of().put("projectName", v.project).put("poolName", v.pool).put("localDataset", true)
                .put("purpose", v.purpose).put("compression", "lz4").put("dedup", "on").put("zfsDataSetName", v.path())
                .put("name", v.name).put("containerName", "Local").put("volSize", v.volSize)
                .put("luId", v.luId).put("usedSize", v.thin ? 0 : v.volSize).put("thinProvisioning", v.thin)
                .put("blockSize", v.blockSize).put("writeBackCache", true).put("overrideViews", !v.views.isEmpty())
                .put("protocol", v.protocol).map();
    }
}
