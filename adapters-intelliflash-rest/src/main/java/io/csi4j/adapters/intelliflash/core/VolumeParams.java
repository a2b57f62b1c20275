package io.csi4j.adapters.intelliflash.core;

import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.Parameters;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The StorageClass parameters of the original drivers, checked. Both: {@code configName}, {@code project},
 * {@code dataIp}. File: {@code mountFsType} ({@code nfs}/{@code cifs}), {@code mountOptions}, {@code nfsAccessList},
 * {@code lowTierVolume}. Block: {@code target}, {@code targetGroup}, {@code hostGroup}, {@code iSCSIPort},
 * {@code inheritProjectSettings}, and csi4j's {@code blockSize} and {@code thinProvision}.
 */
public record VolumeParams(
        Optional<String> configName,
        Optional<String> project,
        Optional<String> dataIp,
        Optional<String> mountFsType,
        Optional<List<String>> mountOptions,
        List<SanRecords.NetAcl> nfsAccessList,
        boolean lowTier,
        Optional<String> target,
        Optional<String> targetGroup,
        Optional<String> hostGroup,
        OptionalInt iscsiPort,
        Optional<Boolean> inheritProjectSettings,
        String blockSize,
        boolean thin) {

    static final Set<String> COMMON = Set.of("configName", "project", "dataIp");
    static final Set<String> FILE = Set.of("mountFsType", "mountOptions", "nfsAccessList", "lowTierVolume");
    static final Set<String> BLOCK = Set.of("target", "targetGroup", "hostGroup", "iSCSIPort", "inheritProjectSettings",
            "blockSize", "thinProvision");
    public static final List<String> BLOCK_SIZES = List.of("4KB", "8KB", "16KB", "32KB", "64KB", "128KB");
    public static final String DEFAULT_BLOCK_SIZE = "32KB";

    public static Either<Failure, VolumeParams> parse(Flavour flavour, Parameters p) {
        Set<String> known = new TreeSet<>(COMMON);
        known.addAll(flavour == Flavour.FILE ? FILE : BLOCK);
        Set<String> unknown = p.unknownKeys(known);
        if (!unknown.isEmpty()) {
            return Either.left(Failure.invalidArgument("unknown StorageClass parameter(s) " + unknown + " for "
                    + flavour.type + " (known: " + known + ")"));
        }
        try {
            return Either.right(new VolumeParams(name(p, "configName"), name(p, "project"), address(p, "dataIp"),
                    fsType(p), p.get("mountOptions").map(VolumeParams::options),
                    p.get("nfsAccessList").map(v -> NfsAccessList.parse(v).getOrElseThrow(Bad::new)).orElse(List.of()),
                    bool(p, "lowTierVolume").orElse(false), name(p, "target"), name(p, "targetGroup"), name(p, "hostGroup"),
                    port(p), bool(p, "inheritProjectSettings"), blockSize(p), bool(p, "thinProvision").orElse(true)));
        } catch (Bad e) {
            return Either.left(e.failure);
        }
    }

    public static List<String> options(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<String> name(Parameters p, String key) {
        return p.get(key).map(v -> {
            if (!ArrayNames.valid(v)) {
                throw new Bad(Failure.invalidArgument("parameter " + key + ": '" + Printable.of(v)
                        + "' is not a name the array accepts"));
            }
            return v;
        });
    }

    private static Optional<String> address(Parameters p, String key) {
        return p.get(key).map(v -> {
            if (!v.matches("[A-Za-z0-9.:-]{1,253}")) {
                throw new Bad(Failure.invalidArgument("parameter " + key + ": '" + Printable.of(v)
                        + "' is not an address"));
            }
            return v;
        });
    }

    private static Optional<String> fsType(Parameters p) {
        return p.get("mountFsType").map(v -> {
            String t = v.toLowerCase(Locale.ROOT);
            if (!t.equals("nfs") && !t.equals("cifs")) {
                throw new Bad(Failure.invalidArgument("parameter mountFsType must be nfs or cifs, not '"
                        + Printable.of(v) + "'"));
            }
            return t;
        });
    }

    private static Optional<Boolean> bool(Parameters p, String key) {
        return p.get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Bad(Failure.invalidArgument("parameter " + key + " must be \"true\" or \"false\", not '"
                    + Printable.of(v) + "'"));
        });
    }

    private static OptionalInt port(Parameters p) {
        Optional<String> v = p.get("iSCSIPort");
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(v.get());
            if (port >= 1 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Bad(Failure.invalidArgument("parameter iSCSIPort must be a port number, not '"
                + Printable.of(v.get()) + "'"));
    }

    private static String blockSize(Parameters p) {
        String v = p.get("blockSize").orElse(DEFAULT_BLOCK_SIZE);
        if (!BLOCK_SIZES.contains(v)) {
            throw new Bad(Failure.invalidArgument("parameter blockSize must be one of " + BLOCK_SIZES + ", not '"
                    + Printable.of(v) + "'"));
        }
        return v;
    }

    /** Unwinds parsing at the first bad parameter; never escapes this class. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        Bad(Failure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
