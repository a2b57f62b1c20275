package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.Project;
import io.csi4j.simulator.intelliflash.model.View;
import java.util.Map;

/** Projects: listing, properties, sharing defaults, project ACLs and the default iSCSI views volumes inherit. */
final class ProjectMethods {

    private ProjectMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "listProjects", a -> {
            String pool = m.pool(a.string(0)).name();
            return m.projects.values().stream().filter(p -> p.pool.equals(pool))
                    .map(p -> Obj.of().put("local", true).put("name", p.name).put("poolName", p.pool).map()).toList();
        });
        t.add(m, "getProject", a -> describe(m.project(a.string(0), a.string(1))));
        t.add(m, "createProject", a -> {
            JsonNode p = a.object(0);
            String pool = m.pool(Args.requiredText(p, "poolName", "createProject")).name();
            String name = Names.check("project", Args.requiredText(p, "projectName", "createProject"));
            if (m.projects.containsKey(Names.projectPath(pool, name))) {
                throw ZebiError.exists("project " + pool + "/" + name);
            }
            Project project = new Project(pool, name);
            Args.field(p, "defaultVolumeSizeInByte").ifPresent(v -> project.defaultVolumeSize = Args.number("size", v));
            Args.field(p, "defaultVolumeBlockSize").ifPresent(v -> project.defaultBlockSize = BlockSizes.check(v.asText()));
            m.projects.put(project.path(), project);
            return Method.OK;
        });
        t.add(m, "deleteProject", a -> {
            Project p = m.projectByPath(a.string(0));
            if (!m.inProject(p.pool, p.name).isEmpty()) {
                throw ZebiError.inUse("project " + p.path() + " still holds shares or volumes");
            }
            m.projects.remove(p.path());
            return Method.OK;
        });
        t.add(m, "getProjectDefaultIscsiITView", a -> m.projectByPath(a.string(0)).defaultViews.stream()
                .map(VolumeMethods::view).toList());
        t.add(m, "createMappingForProject", a -> {
            Project p = m.projectByPath(a.string(0));
            String ig = a.string(1);
            String tg = a.string(2);
            SanMethods.requireGroups(m, ig, tg);
            if (p.defaultViews.stream().anyMatch(v -> v.hostGroupName().equals(ig) && v.targetGroupName().equals(tg))) {
                throw ZebiError.exists("default view " + ig + "/" + tg + " of project " + p.path());
            }
            p.defaultViews.add(new View(ig, tg, -1, a.boolOr(3, false)));
            return Method.OK;
        });
        t.add(m, "deleteMappingFromProject", a -> {
            Project p = m.projectByPath(a.string(0));
            if (!p.defaultViews.removeIf(v -> v.hostGroupName().equals(a.string(1))
                    && v.targetGroupName().equals(a.string(2)))) {
                throw ZebiError.notFound("default view " + a.string(1) + "/" + a.string(2));
            }
            return Method.OK;
        });
        t.add(m, "isProjectExposedOverNFS", a -> m.projectByPath(a.string(0)).nfsOn);
        t.add(m, "isProjectExposedOverSMB", a -> m.projectByPath(a.string(0)).smbOn);
        t.add(m, "setNFSSharingOnProject", a -> {
            Project p = m.projectByPath(a.string(0));
            p.nfsOn = a.bool(1);
            // Array rule: toggling sharing drops the network ACLs.
            p.nfsAcls.clear();
            return Method.OK;
        });
        t.add(m, "setSMBSharingOnProject", a -> {
            m.projectByPath(a.string(0)).smbOn = a.bool(1);
            return Method.OK;
        });
        t.add(m, "getNFSNetworkACLsOnProject", a -> m.projectByPath(a.string(0)).nfsAcls.stream()
                .map(AclMethods::describe).toList());
        t.add(m, "addNFSNetworkACLOnProject", a -> {
            Project p = m.projectByPath(a.string(0));
            if (!p.nfsOn) {
                throw ZebiError.notAllowed("project " + p.path() + " is not shared over NFS");
            }
            AclMethods.add(p.nfsAcls, a);
            return Method.OK;
        });
        t.add(m, "removeNFSNetworkACLOnProject", a -> {
            AclMethods.remove(m.projectByPath(a.string(0)).nfsAcls, a);
            return Method.OK;
        });
    }

    private static Map<String, Object> describe(Project p) {
        return Obj.of().put("projectName", p.name).put("poolName", p.pool).put("localDataset", true)
                .put("purpose", "").put("compression", "lz4").put("compressedLog", "off").put("dedup", "on")
                .put("copies", "1").put("primaryCache", "all").put("secondaryCache", "all").put("readonly", "off")
                .put("logbias", "latency").put("sync", "standard").put("zfsDataSetName", p.path())
                .put("compressionClass", "Optimal Performance").put("mountPoint", "/export/" + p.name)
                .put("intendedProtocolList", java.util.List.of("NFS", "iSCSI")).put("quotaInByte", -1)
                .put("quotaEnabled", false).put("aclInherit", "on").put("aclMode", "passthrough").put("krbStatus", false)
                .put("defaultVolumeSizeInByte", p.defaultVolumeSize).put("defaultVolumeBlockSize", p.defaultBlockSize)
                .put("defaultThinProvisioning", false).put("recordSize", "128KB").map();
    }
}
