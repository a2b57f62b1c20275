package io.csi4j.adapters.os;

import io.csi4j.domain.failure.Failure;
import io.csi4j.ports.out.host.MountPoint;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses {@code /proc/self/mountinfo} (proc(5)): {@code id parent major:minor root target options
 * [optional fields...] - fstype source super-options}. The kernel escapes space, tab, newline and backslash
 * as {@code \040 \011 \012 \134}, so splitting on spaces and newlines is safe and every field is decoded after.
 */
final class MountInfoParser {

    private static final String SEPARATOR = "-";
    private static final int MIN_FIELDS = 10;

    private MountInfoParser() {}

    /** Every line in table order; Defect for a line that does not have the documented shape. */
    static Either<Failure, List<MountPoint>> parse(String content) {
        List<MountPoint> mounts = new ArrayList<>();
        String[] lines = content.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            Either<Failure, MountPoint> parsed = parseLine(lines[i]);
            if (parsed.isLeft()) {
                return Either.left(Failure.defect("mountinfo line " + (i + 1) + ": " + parsed.getLeft().message()));
            }
            mounts.add(parsed.get());
        }
        return Either.right(List.copyOf(mounts));
    }

    static Either<Failure, MountPoint> parseLine(String line) {
        String[] fields = line.split(" ", -1);
        int separator = Arrays.asList(fields).indexOf(SEPARATOR);
        // Six fixed fields come before the optional ones, three after the separator.
        if (fields.length < MIN_FIELDS || separator < 6 || fields.length != separator + 4) {
            return Either.left(Failure.defect("unexpected shape: " + line));
        }
        try {
            return Either.right(new MountPoint(
                    Integer.parseInt(fields[0]),
                    Integer.parseInt(fields[1]),
                    fields[2],
                    unescape(fields[3]),
                    Path.of(unescape(fields[4])),
                    List.of(fields[5].split(",")),
                    List.of(Arrays.copyOfRange(fields, 6, separator)),
                    unescape(fields[separator + 1]),
                    unescape(fields[separator + 2]),
                    superOptions(fields[separator + 3])));
        } catch (NumberFormatException e) {
            return Either.left(Failure.defect("mount id is not a number: " + line));
        }
    }

    /** Split before decoding: the kernel escapes a comma inside an option value ({@code \054}). */
    private static List<String> superOptions(String field) {
        return Arrays.stream(field.split(",")).map(MountInfoParser::unescape).toList();
    }

    /** Decodes the kernel's octal escapes ({@code \ooo}); the bytes are UTF-8, as the JVM's paths are. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2])
                    && isOctal(raw[i + 3])) {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
