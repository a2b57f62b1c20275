package io.csi4j.simulator.intelliflash.model;

import io.csi4j.simulator.intelliflash.api.ZebiError;

/**
 * The array's naming rules for projects, shares, volumes, clones and snapshots: not empty, no spaces, none of
 * {@code , / \ ! ? @ < > # $ ' % ^ * ( ) ~ + = } | : { [ ] ; " &}, and dataset paths of at most 255 characters.
 */
public final class Names {

    static final String FORBIDDEN = ",/\\!?@<>#$'%^*()~+=}|:{[];\"&";
    public static final int MAX_PATH = 255;

    private Names() {}

    public static String check(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw ZebiError.invalid(what + " name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || FORBIDDEN.indexOf(c) >= 0 || c < 0x20 || c > 0x7E) {
                throw ZebiError.invalid(what + " name '" + name + "' contains the character '" + c
                        + "', which is not allowed");
            }
        }
        return name;
    }

    public static String projectPath(String pool, String project) {
        return pool + "/Local/" + project;
    }

    public static String datasetPath(String pool, String project, String name) {
        String path = projectPath(pool, project) + "/" + name;
        if (path.length() > MAX_PATH) {
            throw ZebiError.invalid("dataset path '" + path + "' is longer than " + MAX_PATH + " characters");
        }
        return path;
    }
}
