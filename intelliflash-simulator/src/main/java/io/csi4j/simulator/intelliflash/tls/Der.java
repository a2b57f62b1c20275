package io.csi4j.simulator.intelliflash.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The few DER (ASN.1) encodings an X.509 certificate needs: tag, length, value. */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;

    private Der() {}

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        byte[] value = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        byte[] n = BigInteger.valueOf(length).toByteArray();
        int skip = n[0] == 0 ? 1 : 0;
        out.write(0x80 | (n.length - skip));
        out.write(n, skip, n.length - skip);
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, parts);
    }

    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] octets(byte[] value) {
        return tlv(0x04, value);
    }

    /** A BIT STRING with no unused bits. */
    static byte[] bits(byte[] value) {
        byte[] withPad = new byte[value.length + 1];
        System.arraycopy(value, 0, withPad, 1, value.length);
        return tlv(0x03, withPad);
    }

    static byte[] utf8(String s) {
        return tlv(0x0C, s.getBytes(StandardCharsets.UTF_8));
    }

    /** GeneralizedTime (valid for every year, unlike UTCTime). */
    static byte[] time(ZonedDateTime t) {
        String s = t.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "Z";
        return tlv(0x18, s.getBytes(StandardCharsets.US_ASCII));
    }

    /** [n] EXPLICIT: a constructed context-specific tag around an encoded value. */
    static byte[] explicit(int n, byte[] value) {
        return tlv(0xA0 | n, value);
    }

    /** [n] IMPLICIT primitive: replaces the tag of a primitive value (GeneralName choices). */
    static byte[] implicit(int n, byte[] raw) {
        return tlv(0x80 | n, raw);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            byte[] tmp = new byte[10];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7F);
                v >>>= 7;
            } while (v > 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(tmp[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }
}
