package io.csi4j.adapters.iscsi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * udev's persistent name of an iSCSI LUN under {@code /dev/disk/by-path}: {@code ip-<portal>-iscsi-<target>-lun-<n>}
 * (systemd's path_id), e.g. {@code ip-192.168.77.1:3260-iscsi-iqn.2024-01.io.csi4j.test:target1-lun-1}.
 */
record ByPathName(String portal, String targetIqn, int lun) {

    private static final Pattern NAME = Pattern.compile("^ip-(.+?)-iscsi-(.+)-lun-(\\d+)$");

    String fileName() {
        return "ip-" + portal + "-iscsi-" + targetIqn + "-lun-" + lun;
    }

    /** The parts of a by-path name; empty for names of other devices and for partitions ({@code -part1}). */
    static Optional<ByPathName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ByPathName(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }
}
