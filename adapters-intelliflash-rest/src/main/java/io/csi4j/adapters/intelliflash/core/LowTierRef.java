package io.csi4j.adapters.intelliflash.core;

import java.util.Optional;

/**
 * A low-tier volume: a folder in the array's pre-made parent share. Its id is
 * {@code <configName>:<parentShareMountPoint>/<folder>}; the second part starts with {@code /}, which no project
 * name can, so it never collides with {@code <configName>:<project>:<name>}.
 */
public record LowTierRef(String configName, String parentMountPoint, String folder) {

    public String handle() {
        return configName + ":" + parentMountPoint + "/" + folder;
    }

    /** Reads the form; the mount point is checked against the configuration by the caller. */
    public static Optional<LowTierRef> parse(String handle) {
        int colon = handle.indexOf(':');
        if (colon <= 0 || colon + 1 >= handle.length() || handle.charAt(colon + 1) != '/') {
            return Optional.empty();
        }
        String rest = handle.substring(colon + 1);
        int slash = rest.lastIndexOf('/');
        String folder = rest.substring(slash + 1);
        String parent = rest.substring(0, slash);
        if (!ArrayNames.valid(folder) || folder.equals("..") || folder.equals(".") || !normalised(parent)) {
            return Optional.empty();
        }
        return Optional.of(new LowTierRef(handle.substring(0, colon), parent, folder));
    }

    /** An absolute path without empty, "." or ".." segments and without ':'. */
    private static boolean normalised(String path) {
        if (!path.startsWith("/") || path.length() < 2 || path.contains(":")) {
            return false;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return handle();
    }
}
