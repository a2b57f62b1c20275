package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.intelliflash.ArrayConfig;
import io.csi4j.adapters.intelliflash.Chap;
import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.IntelliFlashConfig;
import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.adapters.intelliflash.rest.RestSettings;
import io.csi4j.adapters.intelliflash.rest.TlsSettings;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.InvalidConfig;
import io.csi4j.domain.topology.Topology;
import io.vavr.control.Either;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an IntelliFlash backend entry: the original drivers' keys as they wrote them (the {@code arrays:} map with
 * its per-array keys and spellings, CHAP at the top level, {@code debug}) plus csi4j's ({@code tlsVerify},
 * {@code caFile}, {@code defaultSize}, {@code restTimeout}). Each problem names the key.
 */
final class IntelliFlashOptions {

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("arrays", "Map of arrays by configuration name (the first part of volume ids), each with the "
                    + "keys below.", ""),
            new ConfigKey("useChapAuth", "Register node initiators with CHAP credentials (block).", "false"),
            new ConfigKey("chapUser", "CHAP user name (block, with useChapAuth).", ""),
            new ConfigKey("chapSecret", "CHAP secret (block, with useChapAuth).", ""),
            new ConfigKey("initiatorGroup", "Host group node initiators join when csi4j maps LUNs and no "
                    + "defaultHostGroup is set (block).", ""),
            new ConfigKey("tlsVerify", "Verify the arrays' TLS certificates; false skips it (warned at start).", "true"),
            new ConfigKey("caFile", "PEM file with the CA (or the self-signed certificate) of the arrays.",
                    "the JDK trust store"),
            new ConfigKey("defaultSize", "Size of a volume when the request names none.", "1Gi"),
            new ConfigKey("restTimeout", "How long to wait for an array's answer (e.g. 30s).", "30s"),
            new ConfigKey("lowTierMountDir", "Where the controller mounts low-tier parent shares (file).",
                    "/var/lib/csi4j/intelliflash-parents"),
            new ConfigKey("debug", "Accepted for compatibility with the original drivers; use the log level instead.", ""));

    static final List<ConfigKey> ARRAY_KEYS = List.of(
            new ConfigKey("restIp", "REST endpoint, https://host[:port].", ""),
            new ConfigKey("username", "REST user.", ""),
            new ConfigKey("password", "REST password.", ""),
            new ConfigKey("defaultProject", "Project volumes go to unless the StorageClass names one.", ""),
            new ConfigKey("defaultDataIp", "Address nodes mount and log in to.", "the restIp host"),
            new ConfigKey("zone", "Value of topology.kubernetes.io/zone for this array's volumes.", "none"),
            new ConfigKey("defaultMountFsType", "nfs or cifs (file).", "nfs"),
            new ConfigKey("defaultMountOptions", "Comma-separated mount options (file).", "none"),
            new ConfigKey("parentShareMountPoint", "Export of the pre-made share for low-tier volumes (file).", "none"),
            new ConfigKey("inheritProjectSettings", "New LUNs take the project's default iSCSI views (block).",
                    "false when defaultTargetGroup is set, else true"),
            new ConfigKey("defaultTarget", "iSCSI target (IQN or suffix) nodes log in to (block).", "the group's first"),
            new ConfigKey("defaultTargetGroup", "Target group of LUN mappings csi4j makes (block).", "none"),
            new ConfigKey("defaultHostGroup", "Host group of LUN mappings csi4j makes (block).", "initiatorGroup"),
            new ConfigKey("defaultISCSIPort", "iSCSI portal port (block); also spelt defaultiSCSIPort.", "3260"),
            new ConfigKey("tlsVerify", "Overrides the top-level tlsVerify for this array.", "top level"),
            new ConfigKey("caFile", "Overrides the top-level caFile for this array.", "top level"));

    /** Alternative spellings found in the original drivers' documentation and ancestor. */
    private static final List<List<String>> ALIASES = List.of(
            List.of("defaultISCSIPort", "defaultiSCSIPort", "DefaultISCSIPort"),
            List.of("defaultTarget", "DefaultTarget"),
            List.of("defaultTargetGroup", "DefaultTargetGroup"),
            List.of("defaultHostGroup", "DefaultHostGroup"));

    private static final Pattern REST_IP = Pattern.compile("https?://[^:/\\s]+(:[0-9]{1,5})?/?");

    private IntelliFlashOptions() {}

    record Parsed(IntelliFlashConfig config, Path lowTierMountDir) {}

    static Either<ConfigError, Parsed> parse(BackendSettings b, Flavour flavour) {
        ConfigTree o = b.options();
        try {
            Set<String> known = new LinkedHashSet<>(List.of("type"));
            KEYS.forEach(k -> known.add(k.name()));
            ok(o.onlyKeys(known));
            if (!o.has("arrays")) {
                throw new InvalidConfig(o.error("arrays", "is required: a map of arrays by configuration name"));
            }
            boolean verify = ok(o.bool("tlsVerify")).orElse(true);
            Optional<Path> ca = ok(o.absolutePath("caFile"));
            List<ArrayConfig> arrays = new ArrayList<>();
            for (ConfigTree a : ok(o.child("arrays").entries())) {
                arrays.add(array(a, verify, ca));
            }
            if (arrays.isEmpty()) {
                throw new InvalidConfig(o.error("arrays", "names no array"));
            }
            Chap chap = chap(o);
            long size = ok(o.size("defaultSize")).orElse(IntelliFlashConfig.DEFAULT_SIZE);
            Duration timeout = duration(o, "restTimeout").orElse(RestSettings.DEFAULT.responseTimeout());
            Path mountDir = ok(o.absolutePath("lowTierMountDir")).orElse(Path.of("/var/lib/csi4j/intelliflash-parents"));
            return Either.right(new Parsed(new IntelliFlashConfig(b.name(), flavour, arrays, chap, size,
                    RestSettings.DEFAULT.withTimeouts(RestSettings.DEFAULT.connectTimeout(), timeout)), mountDir));
        } catch (InvalidConfig e) {
            return Either.left(e.error());
        }
    }

    private static ArrayConfig array(ConfigTree a, boolean verify, Optional<Path> ca) {
        Set<String> known = new LinkedHashSet<>();
        ARRAY_KEYS.forEach(k -> known.add(k.name()));
        ALIASES.forEach(known::addAll);
        ok(a.onlyKeys(known));
        String restIp = required(a, "restIp");
        if (!REST_IP.matcher(restIp).matches()) {
            throw new InvalidConfig(a.error("restIp", "'" + restIp + "' is not scheme://host[:port] with scheme https or http"));
        }
        URI uri = URI.create(restIp.endsWith("/") ? restIp.substring(0, restIp.length() - 1) : restIp);
        String project = required(a, "defaultProject");
        String fsType = ok(a.string("defaultMountFsType")).orElse("nfs");
        if (!fsType.equals("nfs") && !fsType.equals("cifs")) {
            throw new InvalidConfig(a.error("defaultMountFsType", "'" + fsType + "' is neither nfs nor cifs"));
        }
        Optional<String> zone = ok(a.string("zone"));
        zone.ifPresent(z -> Topology.parse(java.util.Map.of("topology.kubernetes.io/zone", z))
                .getOrElseThrow(f -> new InvalidConfig(a.error("zone", f.message()))));
        Optional<String> targetGroup = aliased(a, "defaultTargetGroup");
        boolean inherit = ok(a.bool("inheritProjectSettings")).orElse(targetGroup.isEmpty());
        int port = aliased(a, "defaultISCSIPort").map(p -> port(a, p)).orElse(3260);
        Optional<Path> parent = ok(a.absolutePath("parentShareMountPoint"));
        return new ArrayConfig(a.name(), uri, new Credentials(required(a, "username"), required(a, "password")), project,
                ok(a.string("defaultDataIp")).orElse(uri.getHost()), zone, fsType,
                ok(a.string("defaultMountOptions")).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                parent.map(Path::toString), inherit, aliased(a, "defaultTarget"), targetGroup, aliased(a, "defaultHostGroup"), port,
                new TlsSettings(ok(a.bool("tlsVerify")).orElse(verify), ok(a.absolutePath("caFile")).or(() -> ca)));
    }

    private static Chap chap(ConfigTree o) {
        boolean on = ok(o.bool("useChapAuth")).orElse(false);
        Optional<String> user = ok(o.string("chapUser"));
        Optional<String> secret = ok(o.string("chapSecret"));
        if (on && (user.isEmpty() || secret.isEmpty())) {
            throw new InvalidConfig(o.error(user.isEmpty() ? "chapUser" : "chapSecret", "is required with useChapAuth: true"));
        }
        return new Chap(on, user.orElse(""), secret.orElse(""), ok(o.string("initiatorGroup")));
    }

    /** The value of the first spelling present in the alias group; two spellings at once is an error. */
    private static Optional<String> aliased(ConfigTree a, String key) {
        List<String> group = ALIASES.stream().filter(g -> g.contains(key)).findFirst().orElse(List.of(key));
        List<String> present = group.stream().filter(a::has).toList();
        if (present.size() > 1) {
            throw new InvalidConfig(a.error(present.get(1), "duplicates " + present.get(0)));
        }
        return present.isEmpty() ? Optional.empty() : ok(a.string(present.getFirst()));
    }

    private static int port(ConfigTree a, String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfig(a.error("defaultISCSIPort", "'" + value + "' is not a port number"));
    }

    private static String required(ConfigTree a, String key) {
        return ok(a.string(key)).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new InvalidConfig(a.error(key, "is required")));
    }

    private static Optional<Duration> duration(ConfigTree o, String key) {
        return ok(o.string(key)).map(v -> {
            var m = Pattern.compile("(\\d+)(ms|s|m)").matcher(v.trim());
            if (!m.matches()) {
                throw new InvalidConfig(o.error(key, "'" + v + "' is not a duration such as 30s, 500ms or 2m"));
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        });
    }

    private static <T> T ok(Either<ConfigError, T> r) {
        return r.getOrElseThrow(InvalidConfig::new);
    }
}
