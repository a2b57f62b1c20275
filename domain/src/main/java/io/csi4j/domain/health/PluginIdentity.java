package io.csi4j.domain.health;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The plugin's name and version as GetPluginInfo reports them. The name is DNS-style, at most 63 characters
 * (CSI §2.1); deployments that replace another driver use that driver's name.
 */
public record PluginIdentity(String name, String version) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?");

    public PluginIdentity {
        Objects.requireNonNull(version, "'version' must not be null");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("driver name must be DNS-style, at most 63 characters: " + name);
        }
        if (version.isEmpty()) {
            throw new IllegalArgumentException("version must not be empty");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
