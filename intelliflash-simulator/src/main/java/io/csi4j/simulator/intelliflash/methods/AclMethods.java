package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.Acl;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * NFS network ACLs of a share. A share that has not set its own NFS sharing follows the project's; adding an
 * entry needs the share to be exposed over NFS, and the share then holds its own list.
 */
final class AclMethods {

    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?|[0-9A-Fa-f:]+(/[0-9]{1,3})?");
    private static final Pattern FQDN = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9.*-]{0,252})");

    private AclMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        t.add(m, "getNFSNetworkACLsOnShare", a -> {
            Share s = m.share(a.string(0));
            return m.nfsAcls(s).stream().map(AclMethods::describe).toList();
        });
        t.add(m, "addNFSNetworkACLOnShare", a -> {
            Share s = exposed(m, a.string(0));
            own(m, s);
            add(s.nfsAcls, a);
            return Method.OK;
        });
        t.add(m, "removeNFSNetworkACLOnShare", a -> {
            Share s = exposed(m, a.string(0));
            own(m, s);
            remove(s.nfsAcls, a);
            return Method.OK;
        });
        t.add(m, "setNFSNetworkACLsOnShare", a -> {
            Share s = exposed(m, a.string(0));
            JsonNode list = a.node(1);
            if (!list.isArray()) {
                throw ZebiError.invalid("setNFSNetworkACLsOnShare: argument 1 must be a list of ACLs");
            }
            List<Acl> acls = new ArrayList<>();
            for (JsonNode e : list) {
                Acl acl = acl(Args.requiredText(e, "hostType", "ACL"), Args.requiredText(e, "host", "ACL"),
                        Args.field(e, "accessMode").map(JsonNode::asText).orElse("rw"),
                        Args.field(e, "rootAccessForNFS").map(n -> Args.bool("rootAccessForNFS", n)).orElse(false));
                if (acls.stream().anyMatch(x -> x.host().equals(acl.host()))) {
                    throw ZebiError.exists("an ACL entry for " + acl.host());
                }
                acls.add(acl);
            }
            own(m, s);
            s.nfsAcls.clear();
            s.nfsAcls.addAll(acls);
            return Method.OK;
        });
        t.add(m, "removeAllNFSNetworkACLsOnShare", a -> {
            Share s = exposed(m, a.string(0));
            own(m, s);
            s.nfsAcls.clear();
            return Method.OK;
        });
    }

    private static Share exposed(ArrayModel m, String path) {
        Share s = m.share(path);
        if (!m.nfsExposed(s)) {
            throw ZebiError.notAllowed("share " + path + " is not shared over NFS");
        }
        return s;
    }

    /** Editing a share's ACLs makes the share hold its own sharing settings, starting from what it inherited. */
    private static void own(ArrayModel m, Share s) {
        if (!s.nfsOverride) {
            List<Acl> inherited = List.copyOf(m.nfsAcls(s));
            s.nfsOverride = true;
            s.nfsOn = true;
            s.nfsAcls.clear();
            s.nfsAcls.addAll(inherited);
        }
    }

    static void add(List<Acl> acls, io.csi4j.simulator.intelliflash.api.Args a) {
        Acl acl = acl(a.string(1), a.string(2), a.string(3), a.boolOr(4, false));
        if (acls.stream().anyMatch(x -> x.host().equals(acl.host()))) {
            throw ZebiError.exists("an ACL entry for " + acl.host());
        }
        acls.add(acl);
    }

    static void remove(List<Acl> acls, io.csi4j.simulator.intelliflash.api.Args a) {
        String host = a.string(2);
        if (!acls.removeIf(x -> x.host().equals(host) && x.hostType().equals(a.string(1)))) {
            throw ZebiError.notFound("ACL entry for " + host);
        }
    }

    static Acl acl(String type, String host, String mode, boolean root) {
        if (!type.equals("IP") && !type.equals("FQDN")) {
            throw new ZebiError("EZEBI_INVALID_ACL_API_PARAM_GENERAL", "host type must be IP or FQDN: " + type);
        }
        if (!(type.equals("IP") ? IP : FQDN).matcher(host).matches()) {
            throw new ZebiError("EZEBI_INVALID_ACL_API_PARAM_GENERAL", "'" + host + "' is not a valid " + type);
        }
        if (!mode.equals("rw") && !mode.equals("ro")) {
            throw new ZebiError("EZEBI_INVALID_ACL_API_PARAM_GENERAL", "access mode must be rw or ro: " + mode);
        }
        return new Acl(type, host, mode, root);
    }

    static Map<String, Object> describe(Acl acl) {
        return Obj.of().put("hostType", acl.hostType()).put("host", acl.host()).put("accessMode", acl.accessMode())
                .put("rootAccessForNFS", acl.rootAccessForNFS()).map();
    }
}
