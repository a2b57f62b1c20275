package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.Model;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The StorageClass parameters of the original plugin, parsed and checked before anything is touched. Every bad
 * value is InvalidArgument naming the parameter; unknown keys too (Kubernetes' informative keys aside).
 *
 * @param fsType empty or {@code nfs} for a share or directory, {@code ext4}/{@code xfs} for a file-backed filesystem
 * @param deleteDelay seconds a deleted share stays recoverable on the Anvil; -1 for the cluster's default
 * @param objectiveTarget where objectives go for file-backed volumes: the backing share, the file, or both
 * @param server an address that overrides the data portals for node mounts (the {@code fqdn} parameter)
 * @param mountOptions NFS options for node mounts ({@code clientMountOptions})
 */
record VolumeParameters(
        String fsType,
        Optional<String> mountBackingShare,
        Optional<String> blockBackingShare,
        List<Model.ExportOption> exportOptions,
        long deleteDelay,
        String volumeNameFormat,
        List<String> objectives,
        Map<String, String> metadataTags,
        String comment,
        String objectiveTarget,
        Optional<String> server,
        List<String> mountOptions) {

    static final String FS_TYPE = "fsType";
    static final String MOUNT_BACKING = "mountBackingShareName";
    static final String BLOCK_BACKING = "blockBackingShareName";
    static final String EXPORT_OPTIONS = "exportOptions";
    static final String DELETE_DELAY = "deleteDelay";
    static final String NAME_FORMAT = "volumeNameFormat";
    static final String OBJECTIVES = "objectives";
    static final String TAGS = "additionalMetadataTags";
    static final String COMMENT = "comment";
    static final String OBJECTIVE_TARGET = "objectiveTarget";
    static final String FQDN = "fqdn";
    static final String MOUNT_OPTIONS = "clientMountOptions";
    static final String CACHE_ENABLED = "cacheEnabled";
    static final Set<String> KEYS = Set.of(FS_TYPE, MOUNT_BACKING, BLOCK_BACKING, EXPORT_OPTIONS, DELETE_DELAY,
            NAME_FORMAT, OBJECTIVES, TAGS, COMMENT, OBJECTIVE_TARGET, FQDN, MOUNT_OPTIONS, CACHE_ENABLED);
    static final Set<String> FILESYSTEMS = Set.of("ext4", "xfs");
    static final String DEFAULT_COMMENT = "Created by CSI driver";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z0-9_.=:/-]+");
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    static Either<Failure, VolumeParameters> parse(Parameters p) {
        Set<String> unknown = p.unknownKeys(KEYS);
        if (!unknown.isEmpty()) {
            return bad("parameter '" + Printable.of(unknown.iterator().next()) + "' is not known to the Hammerspace "
                    + "backend (known: " + new java.util.TreeSet<>(KEYS) + ")");
        }
        String fsType = p.get(FS_TYPE).orElse("").trim().toLowerCase(Locale.ROOT);
        if (!fsType.isEmpty() && !fsType.equals("nfs") && !FILESYSTEMS.contains(fsType)) {
            return bad("parameter fsType '" + Printable.of(fsType) + "' is not nfs, ext4 or xfs");
        }
        var mountBacking = shareName(p, MOUNT_BACKING);
        var blockBacking = shareName(p, BLOCK_BACKING);
        var exports = exportOptions(p.get(EXPORT_OPTIONS).orElse(""));
        var delay = deleteDelay(p.get(DELETE_DELAY));
        var format = nameFormat(p.get(NAME_FORMAT).orElse("%s"));
        var tags = tags(p.get(TAGS).orElse(""));
        var target = p.get(OBJECTIVE_TARGET).orElse("share");
        var server = server(p.get(FQDN));
        var options = mountOptions(p.get(MOUNT_OPTIONS).orElse(""));
        String comment = p.get(COMMENT).orElse(DEFAULT_COMMENT);
        for (Either<Failure, ?> e : List.of(mountBacking, blockBacking, exports, delay, format, tags, server, options)) {
            if (e.isLeft()) {
                return Either.left(e.getLeft());
            }
        }
        if (comment.length() > 255) {
            return bad("parameter comment is longer than 255 characters");
        }
        if (!Set.of("share", "file", "both").contains(target)) {
            return bad("parameter objectiveTarget '" + Printable.of(target) + "' is not share, file or both");
        }
        Optional<String> cache = p.get(CACHE_ENABLED);
        if (cache.isPresent() && !cache.get().matches("(?i)true|false")) {
            return bad("parameter cacheEnabled '" + Printable.of(cache.get()) + "' is not true or false");
        }
        return Either.right(new VolumeParameters(fsType.equals("nfs") ? "" : fsType, mountBacking.get(),
                blockBacking.get(), exports.get(), delay.get(), format.get(), objectives(p.get(OBJECTIVES).orElse("")),
                tags.get(), comment, target, server.get(), options.get()));
    }

    /** The kind a volume with these parameters and capabilities is, or why no kind fits. */
    Either<Failure, Kind> kind(List<VolumeCapability> capabilities) {
        boolean block = capabilities.stream().anyMatch(VolumeCapability::isBlock);
        boolean mount = capabilities.stream().anyMatch(c -> !c.isBlock());
        if (block && mount) {
            return bad("a Hammerspace volume is either a block device or a filesystem, not both");
        }
        if (block) {
            return blockBackingShare.isPresent() ? Either.right(Kind.BLOCK)
                    : bad("block volumes need the parameter blockBackingShareName (the share that holds their files)");
        }
        if (FILESYSTEMS.contains(fsType)) {
            return mountBackingShare.isPresent() ? Either.right(Kind.FILESYSTEM)
                    : bad("fsType " + fsType + " volumes are files in a share: set the parameter mountBackingShareName");
        }
        return Either.right(mountBackingShare.isPresent() ? Kind.DIRECTORY : Kind.SHARE);
    }

    /** The backing share of a kind that lives in one. */
    String backingShare(Kind kind) {
        return (kind == Kind.BLOCK ? blockBackingShare : mountBackingShare).orElseThrow();
    }

    /** The backing share whose space new volumes of these parameters would use, if they live in one. */
    Optional<String> capacityShare() {
        if (FILESYSTEMS.contains(fsType) || mountBackingShare.isPresent()) {
            return mountBackingShare;
        }
        return blockBackingShare;
    }

    private static Either<Failure, Optional<String>> shareName(Parameters p, String key) {
        Optional<String> v = p.get(key).map(String::trim).filter(s -> !s.isEmpty());
        if (v.isEmpty()) {
            return Either.right(Optional.empty());
        }
        String s = v.get();
        if (s.length() > Names.MAX_SHARE) {
            return bad("parameter " + key + " names a share of " + s.length() + " characters; Hammerspace share "
                    + "names have at most " + Names.MAX_SHARE);
        }
        if (!Names.isPlain(s)) {
            return bad("parameter " + key + " '" + Printable.of(s) + "' is not a share name (letters, digits, "
                    + "'.', '_', '-'; alphanumeric first)");
        }
        if (Names.roomIn(s) < 24) {
            return bad("parameter " + key + " names a share too long to hold volumes: its volume ids would "
                    + "exceed " + Names.MAX_ID + " bytes");
        }
        return Either.right(Optional.of(s));
    }

    /** {@code subnet,RO|RW,rootSquash; ...}: exactly three fields per rule, rootSquash true or false. */
    static Either<Failure, List<Model.ExportOption>> exportOptions(String raw) {
        List<Model.ExportOption> out = new ArrayList<>();
        for (String rule : raw.split(";")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] f = rule.split(",", -1);
            if (f.length != 3) {
                return bad("parameter exportOptions: rule '" + Printable.of(rule.trim()) + "' is not "
                        + "'subnet,access,rootSquash'");
            }
            String subnet = f[0].trim();
            String access = f[1].trim().toUpperCase(Locale.ROOT);
            String squash = f[2].trim().toLowerCase(Locale.ROOT);
            if (subnet.isEmpty() || !subnet.matches("[A-Za-z0-9.:/*_-]+")) {
                return bad("parameter exportOptions: '" + Printable.of(subnet) + "' is not a subnet or host");
            }
            if (!access.equals("RO") && !access.equals("RW")) {
                return bad("parameter exportOptions: access '" + Printable.of(f[1].trim()) + "' is not RO or RW");
            }
            if (!squash.equals("true") && !squash.equals("false")) {
                return bad("parameter exportOptions: rootSquash '" + Printable.of(f[2].trim()) + "' is not true or "
                        + "false");
            }
            out.add(new Model.ExportOption(subnet, access, Boolean.parseBoolean(squash)));
        }
        return Either.right(List.copyOf(out));
    }

    private static Either<Failure, Long> deleteDelay(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Either.right(-1L);
        }
        try {
            long d = Long.parseLong(raw.get().trim());
            return d < -1 ? bad("parameter deleteDelay must be -1 (the cluster's default) or a number of seconds")
                    : Either.right(d);
        } catch (NumberFormatException e) {
            return bad("parameter deleteDelay '" + Printable.of(raw.get()) + "' is not a whole number");
        }
    }

    private static Either<Failure, String> nameFormat(String f) {
        int first = f.indexOf("%s");
        if (first < 0 || f.indexOf("%s", first + 1) >= 0 || f.replace("%s", "").contains("%") || f.contains("/")) {
            return bad("parameter volumeNameFormat '" + Printable.of(f) + "' must contain %s exactly once, no other %, "
                    + "and no /");
        }
        if (f.length() - 2 > Names.MAX_SHARE - 20) {
            return bad("parameter volumeNameFormat leaves no room for the volume name in " + Names.MAX_SHARE
                    + " characters");
        }
        return Either.right(f);
    }

    private static List<String> objectives(String raw) {
        List<String> out = new ArrayList<>();
        for (String o : raw.split(",")) {
            if (!o.isBlank() && !out.contains(o.trim())) {
                out.add(o.trim());
            }
        }
        return List.copyOf(out);
    }

    private static Either<Failure, Map<String, String>> tags(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : raw.split(",")) {
            if (t.isBlank()) {
                continue;
            }
            String[] kv = t.split("=", -1);
            if (kv.length != 2 || !TAG_KEY.matcher(kv[0].trim()).matches()) {
                return bad("parameter additionalMetadataTags: '" + Printable.of(t.trim()) + "' is not key=value");
            }
            out.put(kv[0].trim(), kv[1].trim());
        }
        return Either.right(Map.copyOf(out));
    }

    private static Either<Failure, Optional<String>> server(Optional<String> raw) {
        Optional<String> v = raw.map(String::trim).filter(s -> !s.isEmpty());
        if (v.isPresent() && !HOST.matcher(v.get()).matches()) {
            return bad("parameter fqdn '" + Printable.of(v.get()) + "' is not a host name or address");
        }
        return Either.right(v);
    }

    private static Either<Failure, List<String>> mountOptions(String raw) {
        List<String> out = new ArrayList<>();
        for (String o : raw.split(",")) {
            if (o.isBlank()) {
                continue;
            }
            if (!OPTION.matcher(o.trim()).matches()) {
                return bad("parameter clientMountOptions: '" + Printable.of(o.trim()) + "' is not a mount option");
            }
            out.add(o.trim());
        }
        return Either.right(List.copyOf(out));
    }

    private static <T> Either<Failure, T> bad(String message) {
        return Either.left(Failure.invalidArgument(message));
    }
}
