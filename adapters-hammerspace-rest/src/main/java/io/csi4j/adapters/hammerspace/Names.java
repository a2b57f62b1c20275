package io.csi4j.adapters.hammerspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns a CO name into the name of a share, directory or file. {@code volumeNameFormat} ({@code %s} by default)
 * is applied first; a result that is a plain name ({@code [A-Za-z0-9][A-Za-z0-9._-]*}) within the length limit is
 * used as it is, so Kubernetes' {@code pvc-<uid>} keeps the original plugin's names. Anything else — too long,
 * spaces, non-ASCII — is reduced to its plain characters and suffixed with 16 hex digits of its SHA-256, so every
 * CO name of up to 128 bytes maps to one valid name (CSI §1.5: map or hash names the backend cannot hold).
 */
final class Names {

    /** The Anvil's limit on share names. */
    static final int MAX_SHARE = 80;
    /** Volume ids ({@code /<backing>/<name>}) stay within 100 bytes, so snapshot ids fit in 128. */
    static final int MAX_ID = 100;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int HASH = 16;

    private Names() {}

    static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches();
    }

    /**
     * The share name of a share volume. {@code generation} counts the volumes made under this CO name: the first
     * gets the plain name, a later one (after the first was deleted) a {@code -g<n>} suffix, so that the old id
     * never reaches the new volume.
     */
    static String share(String format, String coName, long generation) {
        return fit(formatted(format, coName, generation), MAX_SHARE);
    }

    /** The name of a file or directory volume inside {@code backingShare}. */
    static String inBacking(String format, String coName, String backingShare, long generation) {
        return fit(formatted(format, coName, generation), roomIn(backingShare));
    }

    private static String formatted(String format, String coName, long generation) {
        return format.replace("%s", coName) + (generation > 1 ? "-g" + generation : "");
    }

    /** How long a name inside {@code backingShare} may be; too short for a hashed name means the share name is too long. */
    static int roomIn(String backingShare) {
        return Math.min(MAX_SHARE, MAX_ID - 2 - backingShare.length());
    }

    static String fit(String formatted, int max) {
        if (formatted.length() <= max && isPlain(formatted)) {
            return formatted;
        }
        String hash = sha256(formatted).substring(0, HASH);
        StringBuilder safe = new StringBuilder();
        for (char c : formatted.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            char out = ok ? c : '-';
            if (out == '-' && !safe.isEmpty() && safe.charAt(safe.length() - 1) == '-') {
                continue;
            }
            safe.append(out);
        }
        while (!safe.isEmpty() && !Character.isLetterOrDigit(safe.charAt(0))) {
            safe.deleteCharAt(0);
        }
        int room = max - HASH - 1;
        String head = safe.length() > room ? safe.substring(0, room) : safe.toString();
        while (head.endsWith("-")) {
            head = head.substring(0, head.length() - 1);
        }
        return (head.isEmpty() ? "v" : head) + "-" + hash;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
