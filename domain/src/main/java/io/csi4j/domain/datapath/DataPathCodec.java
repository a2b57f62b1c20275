package io.csi4j.domain.datapath;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link DataPath} into context entries under the {@code csi4j.io/} prefix and reads it back. The
 * reader trusts nothing: contexts of pre-provisioned volumes are written by people, so every field is
 * checked here for presence and again by the node before any host operation.
 */
public final class DataPathCodec {

    public static final String PREFIX = "csi4j.io/";
    public static final String KIND_KEY = PREFIX + "data";

    private DataPathCodec() {}

    public static Map<String, String> encode(DataPath path) {
        var out = new TreeMap<String, String>();
        out.put(KIND_KEY, path.kind());
        path.fields().forEach((k, v) -> out.put(PREFIX + k, v));
        return out;
    }

    /** Empty when the context carries no data path of ours (a volume of another driver or a legacy one). */
    public static Either<Failure, Optional<DataPath>> decode(Map<String, String> context) {
        String kind = context.get(KIND_KEY);
        if (kind == null) {
            return Either.right(Optional.empty());
        }
        return switch (kind) {
            case DataPath.LocalDirectory.KIND -> field(context, "path").map(p -> Optional.of(new DataPath.LocalDirectory(p)));
            case DataPath.LocalImage.KIND -> field(context, "path").map(p -> Optional.of(new DataPath.LocalImage(p)));
            case DataPath.NfsExport.KIND -> field(context, "server").flatMap(s -> field(context, "export")
                    .map(e -> Optional.of(new DataPath.NfsExport(s, e, list(context, "options")))));
            case DataPath.SmbShare.KIND -> field(context, "server").flatMap(s -> field(context, "share")
                    .map(sh -> Optional.of(new DataPath.SmbShare(s, sh, list(context, "options")))));
            case DataPath.IscsiLun.KIND -> iscsi(context);
            case DataPath.ImageOnNfs.KIND -> field(context, "server").flatMap(s -> field(context, "export")
                    .flatMap(e -> field(context, "file")
                            .map(f -> Optional.of(new DataPath.ImageOnNfs(s, e, list(context, "options"), f)))));
            default -> Either.left(Failure.invalidArgument("volume_context names an unknown data path kind '"
                    + Printable.of(kind) + "'"));
        };
    }

    private static Either<Failure, Optional<DataPath>> iscsi(Map<String, String> context) {
        return field(context, "portals").flatMap(portals -> field(context, "target").flatMap(target ->
                field(context, "lun").flatMap(lun -> {
                    int n;
                    try {
                        n = Integer.parseInt(lun);
                    } catch (NumberFormatException e) {
                        n = -1;
                    }
                    if (n < 0 || n > 16383) {
                        return Either.left(Failure.invalidArgument("volume_context " + PREFIX + "lun '"
                                + Printable.of(lun) + "' is not a LUN number"));
                    }
                    return Either.right(Optional.of(new DataPath.IscsiLun(list(context, "portals"), target, n,
                            Boolean.parseBoolean(context.get(PREFIX + "chap")))));
                })));
    }

    private static List<String> list(Map<String, String> context, String name) {
        String v = context.get(PREFIX + name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static Either<Failure, String> field(Map<String, String> context, String name) {
        String v = context.get(PREFIX + name);
        if (v == null || v.isEmpty()) {
            return Either.left(Failure.invalidArgument("volume_context lacks " + PREFIX + name));
        }
        return Either.right(v);
    }
}
