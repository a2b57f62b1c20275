package io.csi4j.adapters.grpc.logging;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.csi4j.csi.v1.Csi;
import java.util.List;
import java.util.Map;

/**
 * Renders a protobuf message for logs with every sensitive value blanked (CSI §1.7): fields whose descriptor
 * carries the {@code csi_secret} option and every {@code mount_flags} list, at any depth, inside repeated
 * fields, maps and nested messages. Unknown fields are never printed (a newer CO could put secrets there), long
 * strings are cut, control characters escaped, and the whole rendering is bounded.
 */
public final class RedactingPrinter {

    static final int MAX_STRING_CHARS = 200;
    static final int MAX_OUTPUT_CHARS = 8192;
    private static final String MOUNT_FLAGS = "mount_flags";
    private static final String RENAMED_SUFFIX = "_v2";

    private RedactingPrinter() {}

    public static String print(MessageOrBuilder message) {
        StringBuilder out = new StringBuilder();
        message(out, message);
        if (out.length() > MAX_OUTPUT_CHARS) {
            out.setLength(MAX_OUTPUT_CHARS);
            out.append("...(truncated)");
        }
        return out.toString();
    }

    /** True for the fields whose values never appear in a log line. */
    static boolean isSensitive(FieldDescriptor field) {
        if (field.getName().equals(MOUNT_FLAGS)) {
            return true;
        }
        if (field.getOptions().getExtension(Csi.csiSecret)) {
            return true;
        }
        // Were the options ever parsed without our extension registered, the flag would sit in unknown fields.
        return field.getOptions().getUnknownFields().hasField(Csi.CSI_SECRET_FIELD_NUMBER);
    }

    private static void message(StringBuilder out, MessageOrBuilder message) {
        out.append('{');
        String separator = "";
        for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
            if (out.length() > MAX_OUTPUT_CHARS) {
                break;
            }
            out.append(separator).append(wireName(e.getKey())).append('=');
            field(out, e.getKey(), e.getValue());
            separator = ", ";
        }
        out.append('}');
    }

    /** Our proto renames mutable_parameters for a Java accessor clash; logs show the name the CO knows. */
    private static String wireName(FieldDescriptor field) {
        String name = field.getName();
        return name.endsWith(RENAMED_SUFFIX) ? name.substring(0, name.length() - RENAMED_SUFFIX.length()) : name;
    }

    private static void field(StringBuilder out, FieldDescriptor field, Object value) {
        if (isSensitive(field)) {
            int count = value instanceof List<?> list ? list.size() : 1;
            out.append("<redacted ").append(count).append(count == 1 ? " value>" : " values>");
        } else if (field.isMapField()) {
            map(out, (List<?>) value);
        } else if (field.isRepeated()) {
            list(out, field, (List<?>) value);
        } else {
            value(out, field, value);
        }
    }

    private static void map(StringBuilder out, List<?> entries) {
        out.append('{');
        String separator = "";
        for (Object o : entries) {
            MessageOrBuilder entry = (MessageOrBuilder) o;
            FieldDescriptor key = entry.getDescriptorForType().findFieldByNumber(1);
            FieldDescriptor value = entry.getDescriptorForType().findFieldByNumber(2);
            out.append(separator);
            value(out, key, entry.getField(key));
            out.append('=');
            value(out, value, entry.getField(value));
            separator = ", ";
        }
        out.append('}');
    }

    private static void list(StringBuilder out, FieldDescriptor field, List<?> values) {
        out.append('[');
        String separator = "";
        for (Object v : values) {
            out.append(separator);
            value(out, field, v);
            separator = ", ";
        }
        out.append(']');
    }

    private static void value(StringBuilder out, FieldDescriptor field, Object value) {
        switch (value) {
            case MessageOrBuilder m -> message(out, m);
            case String s -> string(out, s);
            case ByteString b -> out.append('<').append(b.size()).append(" bytes>");
            case EnumValueDescriptor e -> out.append(e.getName());
            default -> out.append(value);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        int shown = Math.min(s.length(), MAX_STRING_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (s.length() > shown) {
            out.append("...(").append(s.length()).append(" chars)");
        }
    }
}
