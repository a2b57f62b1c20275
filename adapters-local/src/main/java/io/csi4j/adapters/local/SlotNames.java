package io.csi4j.adapters.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Names on disk: a slot is the first 26 base32 characters (130 bits) of the SHA-256 of a CO-chosen name, so
 * a name finds its record in O(1) without any index; a generation is 40 random bits that tell two volumes
 * apart which used the same name one after the other.
 */
final class SlotNames {

    static final int SLOT_LENGTH = 26;
    static final int GENERATION_LENGTH = 8;
    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    static final Pattern SLOT = Pattern.compile("[a-z2-7]{" + SLOT_LENGTH + "}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern GENERATION = Pattern.compile("[a-z2-7]{" + GENERATION_LENGTH + "}");
    // Looking a digest up by name costs more than hashing a short name; one instance per thread is reused.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(SlotNames::sha256);

    private SlotNames() {}

    static String slotOf(String name) {
        byte[] digest = SHA_256.get().digest(name.getBytes(StandardCharsets.UTF_8));
        return base32(digest).substring(0, SLOT_LENGTH);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String newGeneration() {
        byte[] bits = new byte[GENERATION_LENGTH * 5 / 8];
        RANDOM.nextBytes(bits);
        return base32(bits);
    }

    static boolean isGeneration(String s) {
        return s != null && GENERATION.matcher(s).matches();
    }

    static boolean isSlot(String s) {
        return s != null && s.length() == SLOT_LENGTH && SLOT.matcher(s).matches();
    }

    /** RFC 4648 base32, lower case, without padding. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
