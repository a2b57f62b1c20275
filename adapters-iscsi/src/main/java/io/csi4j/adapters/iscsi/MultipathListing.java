package io.csi4j.adapters.iscsi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code multipath -ll}: a header per map, {@code mpatha (360000000000000000e00000000010001) dm-0
 * IET,VIRTUAL-DISK}, then its path groups and paths, {@code | `- 0:0:0:1 sda 8:0 active ready running}. Without
 * user_friendly_names the name is the WWID and the header has no parenthesis.
 */
final class MultipathListing {

    /** One map: its name, WWID, dm device, and the disks of its paths with their states. */
    record Map(String name, String wwid, String dmDevice, List<Path> paths) {}

    /** One path: its disk ({@code sda}) and whether its checker says it is up ({@code active ready}). */
    record Path(String disk, boolean ready) {}

    private static final Pattern HEADER = Pattern.compile("^(\\S+)(?: \\((\\S+)\\))? (dm-\\d+)(?: .*)?$");
    private static final Pattern PATH = Pattern.compile("^[ |`+-]*\\d+:\\d+:\\d+:\\d+ (\\S+) \\d+:\\d+\\s+(\\S+) (\\S+).*$");

    private MultipathListing() {}

    static List<Map> parse(String text) {
        List<Map> maps = new ArrayList<>();
        String name = null;
        String wwid = null;
        String dm = null;
        List<Path> paths = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher header = HEADER.matcher(line);
            Matcher path = PATH.matcher(line);
            if (!line.startsWith(" ") && !line.startsWith("|") && !line.startsWith("`") && header.matches()) {
                if (name != null) {
                    maps.add(new Map(name, wwid, dm, paths));
                }
                name = header.group(1);
                wwid = header.group(2) == null ? header.group(1) : header.group(2);
                dm = header.group(3);
                paths = new ArrayList<>();
            } else if (name != null && path.matches()) {
                paths.add(new Path(path.group(1), path.group(2).equals("active") && path.group(3).equals("ready")));
            }
        }
        if (name != null) {
            maps.add(new Map(name, wwid, dm, paths));
        }
        return maps;
    }
}
