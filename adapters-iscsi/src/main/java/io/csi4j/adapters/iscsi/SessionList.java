package io.csi4j.adapters.iscsi;

import io.csi4j.ports.out.host.IscsiSession;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code iscsiadm -m session}: one line per session, {@code tcp: [3] 192.168.77.1:3260,1
 * iqn.2024-01.io.csi4j.test:target1 (non-flash)}. Lines of other shapes (warnings) are skipped.
 */
final class SessionList {

    private static final Pattern LINE = Pattern.compile("^\\S+: \\[(\\d+)] (\\S+) (\\S+)(?: \\(.*\\))?$");

    private SessionList() {}

    static List<IscsiSession> parse(String text) {
        List<IscsiSession> sessions = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                sessions.add(new IscsiSession(Integer.parseInt(m.group(1)), PortalFormat.withoutTag(m.group(2)),
                        m.group(3)));
            }
        }
        return sessions;
    }
}
