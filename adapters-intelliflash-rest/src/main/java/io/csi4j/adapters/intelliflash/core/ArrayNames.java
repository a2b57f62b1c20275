package io.csi4j.adapters.intelliflash.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Turns a CO-chosen name into the name of an array object. CSI names may hold any Unicode; the array accepts
 * printable ASCII without spaces and without {@code , / \ ! ? @ < > # $ ' % ^ * ( ) ~ + = } | : { [ ] ; " &}.
 * A name the array accepts and that keeps the id short enough is used as it is (so {@code pvc-<uid>} stays
 * {@code pvc-<uid>}, as with the original driver); any other becomes {@code csi4j-<26 base32 chars of its
 * SHA-256>}, the same for the same name every time.
 */
public final class ArrayNames {

    static final String FORBIDDEN = ",/\\!?@<>#$'%^*()~+=}|:{[];\"&";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    public static final String HASHED_PREFIX = "csi4j-";

    private ArrayNames() {}

    /** Whether the array accepts {@code name} as a project, share, volume or snapshot name. */
    public static boolean valid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7F || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The array name for {@code coName}, when at most {@code room} characters are left for it in ids. */
    public static String of(String coName, int room) {
        if (valid(coName) && coName.length() <= room) {
            return coName;
        }
        return hashed(coName);
    }

    public static String hashed(String coName) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(coName.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        StringBuilder b = new StringBuilder(HASHED_PREFIX);
        long bits = 0;
        int n = 0;
        for (int i = 0; b.length() < HASHED_PREFIX.length() + 26; ) {
            if (n < 5) {
                bits = (bits << 8) | (digest[i++] & 0xFF);
                n += 8;
            }
            b.append(BASE32.charAt((int) ((bits >>> (n - 5)) & 31)));
            n -= 5;
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
