package io.csi4j.simulator.intelliflash.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.csi4j.simulator.intelliflash.api.Args;
import io.csi4j.simulator.intelliflash.api.Method;
import io.csi4j.simulator.intelliflash.api.ZebiError;
import io.csi4j.simulator.intelliflash.model.ArrayModel;
import io.csi4j.simulator.intelliflash.model.Names;
import io.csi4j.simulator.intelliflash.model.San;
import io.csi4j.simulator.intelliflash.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SAN objects: initiators (unique; creating one that exists fails), initiator groups (an initiator belongs to at
 * most one), iSCSI targets named {@code iqn.2012-02.com.tegile:<suffix>}, and target groups.
 */
final class SanMethods {

    static final String IQN_PREFIX = "iqn.2012-02.com.tegile:";
    private static final Pattern INITIATOR = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.[A-Za-z0-9.:_-]+|eui\\.[0-9A-Fa-f]{16}");

    private SanMethods() {}

    static void register(ArrayModel m, MethodTable t) {
        registerTargets(m, t);
        registerInitiators(m, t);
    }

    private static void registerTargets(ArrayModel m, MethodTable t) {
        t.add(m, "listISCSITargets", a -> {
            Pattern p = regex(a.optional(0).map(JsonNode::asText).orElse(".*"));
            return m.san.targets.values().stream().filter(x -> p.matcher(x.name()).find()).map(SanMethods::target)
                    .toList();
        });
        t.add(m, "createISCSITarget", a -> {
            JsonNode o = a.object(0);
            String auth = Args.field(o, "targetAuthenticationMode").map(JsonNode::asText).orElse("none");
            if (!List.of("none", "chap", "mutual").contains(auth)) {
                throw ZebiError.invalid("target authentication mode must be none, chap or mutual: " + auth);
            }
            List<String> bindings = new ArrayList<>();
            Args.field(o, "targetNetworkBinding").ifPresent(b -> b.forEach(x -> bindings.add(x.asText())));
            addTarget(m, Args.requiredText(o, "targetSuffixName", "createISCSITarget"),
                    Args.field(o, "targetAlias").map(JsonNode::asText).orElse(""),
                    Args.requiredText(o, "targetGroupName", "createISCSITarget"), auth,
                    Args.field(o, "targetChapName").map(JsonNode::asText).orElse(""),
                    Args.field(o, "targetChapSecret").map(JsonNode::asText).orElse(""), bindings);
            return Method.OK;
        });
        t.add(m, "createISCSITargetForGroup", a -> {
            addTarget(m, a.string(0), a.string(1), a.string(2), "none", "", "", List.of(m.dataIp + ":3260"));
            return Method.OK;
        });
        t.add(m, "deleteISCSITarget", a -> {
            if (m.san.targets.remove(a.string(0)) == null) {
                throw ZebiError.notFound("iSCSI target " + a.string(0));
            }
            return Method.OK;
        });
        t.add(m, "listTargetGroups", a -> m.san.targetGroups.keySet().stream()
                .map(n -> Obj.of().put("targetGroupName", n).put("intendedProtocol", "iSCSI").map()).toList());
        t.add(m, "listISCSITargetGroups", a -> List.copyOf(m.san.targetGroups.keySet()));
        t.add(m, "listTargetsInTargetGroup", a -> {
            requireTargetGroup(m, a.string(0));
            return m.san.targets.values().stream().filter(x -> x.group().equals(a.string(0))).map(San.Target::name)
                    .toList();
        });
        t.add(m, "createTargetGroup", a -> {
            String name = Names.check("target group", a.string(0));
            m.pool(a.string(1));
            if (m.san.targetGroups.putIfAbsent(name, a.string(1)) != null) {
                throw ZebiError.exists("target group " + name);
            }
            return Method.OK;
        });
        t.add(m, "deleteTargetGroup", a -> {
            requireTargetGroup(m, a.string(0));
            if (inViews(m, a.string(0), false) || m.san.targets.values().stream().anyMatch(x -> x.group().equals(a.string(0)))) {
                throw ZebiError.inUse("target group " + a.string(0) + " has targets or views");
            }
            m.san.targetGroups.remove(a.string(0));
            return Method.OK;
        });
    }

    private static void registerInitiators(ArrayModel m, MethodTable t) {
        t.add(m, "listISCSIInitiators", a -> {
            Pattern p = regex(a.optional(0).map(JsonNode::asText).orElse(".*"));
            return m.san.initiators.values().stream().filter(i -> p.matcher(i.name).find())
                    .map(i -> Obj.of().put("initiatorName", i.name).put("initiatorGroupName", i.group)
                            .put("chapUserName", i.chapUser == null ? "" : i.chapUser)
                            .put("chapSecret", i.chapSecret == null || i.chapSecret.isEmpty() ? "" : "********").map())
                    .toList();
        });
        t.add(m, "createIscsiInitiator", a -> {
            JsonNode o = a.object(0);
            String name = Args.requiredText(o, "initiatorName", "createIscsiInitiator");
            if (!INITIATOR.matcher(name).matches()) {
                throw ZebiError.invalid("'" + name + "' is not an iSCSI initiator name");
            }
            if (m.san.initiators.containsKey(name)) {
                // Array rule: creating an initiator that exists fails; it is not idempotent.
                throw ZebiError.exists("initiator " + name);
            }
            m.san.initiators.put(name, new San.Initiator(name, Args.field(o, "chapUserName").map(JsonNode::asText).orElse(""),
                    Args.field(o, "chapSecret").map(JsonNode::asText).orElse("")));
            return Method.OK;
        });
        t.add(m, "deleteISCSIInitiator", a -> {
            San.Initiator i = initiator(m, a.string(0));
            if (!i.group.isEmpty()) {
                throw ZebiError.inUse("initiator " + i.name + " is in group " + i.group);
            }
            m.san.initiators.remove(i.name);
            return Method.OK;
        });
        t.add(m, "listInitiatorGroups", a -> m.san.initiatorGroups.keySet().stream()
                .map(n -> Obj.of().put("initiatorGroupName", n).put("intendedProtocol", "iSCSI").map()).toList());
        t.add(m, "listISCSIInitiatorGroups", a -> List.copyOf(m.san.initiatorGroups.keySet()));
        t.add(m, "initiatorGroupExists", a -> m.san.initiatorGroups.containsKey(a.string(0)));
        t.add(m, "createInitiatorGroup", a -> {
            String name = Names.check("initiator group", a.string(0));
            if (m.san.initiatorGroups.putIfAbsent(name, true) != null) {
                throw ZebiError.exists("initiator group " + name);
            }
            return Method.OK;
        });
        t.add(m, "deleteInitiatorGroup", a -> {
            requireInitiatorGroup(m, a.string(0));
            if (inViews(m, a.string(0), true) || m.san.initiators.values().stream().anyMatch(i -> i.group.equals(a.string(0)))) {
                throw ZebiError.inUse("initiator group " + a.string(0) + " has members or views");
            }
            m.san.initiatorGroups.remove(a.string(0));
            return Method.OK;
        });
        t.add(m, "listInitiatorsInInitiatorGroup", a -> {
            requireInitiatorGroup(m, a.string(0));
            return m.san.initiators.values().stream().filter(i -> i.group.equals(a.string(0))).map(i -> i.name).toList();
        });
        t.add(m, "addInitiatorToInitiatorGroup", a -> {
            San.Initiator i = initiator(m, a.string(0));
            requireInitiatorGroup(m, a.string(1));
            if (i.group.equals(a.string(1))) {
                throw ZebiError.exists("initiator " + i.name + " in group " + i.group);
            }
            if (!i.group.isEmpty()) {
                throw ZebiError.notAllowed("initiator " + i.name + " already belongs to group " + i.group);
            }
            i.group = a.string(1);
            return Method.OK;
        });
        t.add(m, "getInitiatorGroup", a -> initiator(m, a.string(0)).group);
        t.add(m, "moveInitiatorToInitiatorGroup", a -> {
            San.Initiator i = initiator(m, a.string(0));
            requireInitiatorGroup(m, a.string(1));
            if (!a.boolOr(2, false) && !i.group.isEmpty() && inViews(m, i.group, true)) {
                throw ZebiError.inUse("group " + i.group + " of initiator " + i.name + " is used by a mapping");
            }
            i.group = a.string(1);
            return Method.OK;
        });
    }

    private static void addTarget(ArrayModel m, String suffix, String alias, String group, String auth, String chapName,
            String chapSecret, List<String> bindings) {
        Names.check("target suffix", suffix.replace('.', '-'));
        requireTargetGroup(m, group);
        String name = IQN_PREFIX + suffix;
        if (m.san.targets.containsKey(name)) {
            throw ZebiError.exists("iSCSI target " + name);
        }
        m.san.targets.put(name, new San.Target(name, suffix, alias, group, auth, chapName, chapSecret,
                bindings.isEmpty() ? List.of(m.dataIp + ":3260") : List.copyOf(bindings)));
    }

    static void requireGroups(ArrayModel m, String initiatorGroup, String targetGroup) {
        requireInitiatorGroup(m, initiatorGroup);
        requireTargetGroup(m, targetGroup);
    }

    private static void requireInitiatorGroup(ArrayModel m, String name) {
        if (!m.san.initiatorGroups.containsKey(name)) {
            throw ZebiError.notFound("initiator group " + name);
        }
    }

    private static void requireTargetGroup(ArrayModel m, String name) {
        if (!m.san.targetGroups.containsKey(name)) {
            throw ZebiError.notFound("target group " + name);
        }
    }

    private static San.Initiator initiator(ArrayModel m, String name) {
        return m.san.initiator(name).orElseThrow(() -> ZebiError.notFound("initiator " + name));
    }

    private static boolean inViews(ArrayModel m, String group, boolean hostGroup) {
        return m.datasets.values().stream().filter(Volume.class::isInstance).flatMap(d -> ((Volume) d).views.stream())
                .anyMatch(v -> (hostGroup ? v.hostGroupName() : v.targetGroupName()).equals(group))
                || m.projects.values().stream().flatMap(p -> p.defaultViews.stream())
                        .anyMatch(v -> (hostGroup ? v.hostGroupName() : v.targetGroupName()).equals(group));
    }

    private static Pattern regex(String r) {
        try {
            return Pattern.compile(r.isEmpty() ? ".*" : r);
        } catch (PatternSyntaxException e) {
            throw ZebiError.invalid("not a regular expression: " + r);
        }
    }

    private static Map<String, Object> target(San.Target x) {
        return Obj.of().put("targetName", x.name()).put("targetSuffixName", x.suffix()).put("targetAlias", x.alias())
                .put("targetGroupName", x.group()).put("targetAuthenticationMode", x.authMode())
                .put("targetChapName", x.chapName()).put("targetChapSecret", x.chapSecret().isEmpty() ? "" : "********")
                .put("targetNetworkBinding", x.bindings()).map();
    }
}
