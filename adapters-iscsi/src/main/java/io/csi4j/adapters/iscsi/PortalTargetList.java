package io.csi4j.adapters.iscsi;

import io.csi4j.ports.out.host.IscsiTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code portal,tpgt target} lines that {@code iscsiadm -m node} (the node records) and SendTargets
 * discovery print: {@code 192.168.77.1:3260,1 iqn.2024-01.io.csi4j.test:target1}. A record never logged in has the
 * tag -1, printed as 4294967295. Lines of other shapes are skipped.
 */
final class PortalTargetList {

    private static final Pattern LINE = Pattern.compile("^(\\S+,-?\\d+) (\\S+)$");

    private PortalTargetList() {}

    static List<IscsiTarget> parse(String text) {
        List<IscsiTarget> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                out.add(new IscsiTarget(PortalFormat.withoutTag(m.group(1)), m.group(2)));
            }
        }
        return out;
    }
}
