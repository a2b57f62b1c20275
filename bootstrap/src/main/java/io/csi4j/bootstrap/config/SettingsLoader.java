package io.csi4j.bootstrap.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.csi4j.domain.health.PluginIdentity;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.NodeFacts;
import io.csi4j.ports.service.node.NodeSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link Settings} from flags, environment variables and the YAML file, in that order of precedence.
 * With nothing at all it serves one embedded {@code local} backend. Every problem is a {@link ConfigError}
 * naming the file (or flag, or variable), the key and the reason.
 */
public final class SettingsLoader {

    public static final String DEFAULT_DRIVER_NAME = "csi4j.io";
    public static final String LOCAL_TYPE = "local";
    static final Set<String> TOP_KEYS = Setting.fileKeys();
    private static final Set<String> NFS_VERSIONS = Set.of("3", "4", "4.0", "4.1", "4.2");
    /** The original IntelliFlash drivers' top-level keys; a file with {@code arrays:} is one of theirs. */
    static final Set<String> INTELLIFLASH_KEYS = Set.of("arrays", "useChapAuth", "chapUser", "chapSecret",
            "initiatorGroup", "debug", "tlsVerify", "caFile", "defaultSize", "restTimeout", "lowTierMountDir");
    /** The backend an original IntelliFlash configuration file becomes. */
    public static final String INTELLIFLASH_BACKEND = "intelliflash";
    public static final String INTELLIFLASH_BLOCK_DRIVER = "intelliflash-csi-block-driver.intelliflash.com";

    private final Set<String> backendTypes;
    private final Function<Path, Either<String, String>> readFile;
    private final String hostName;

    /**
     * @param backendTypes the backend types this build knows
     * @param readFile reads a file's text, or says why it cannot
     * @param hostName the default node id
     */
    public SettingsLoader(Set<String> backendTypes, Function<Path, Either<String, String>> readFile, String hostName) {
        this.backendTypes = Set.copyOf(backendTypes);
        this.readFile = readFile;
        this.hostName = hostName;
    }

    /** Reads files from the local filesystem. */
    public static Either<String, String> readLocalFile(Path p) {
        try {
            return Either.right(Files.readString(p));
        } catch (IOException e) {
            return Either.left("cannot read the file: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public Either<ConfigError, Settings> load(CliOverrides cli, Map<String, String> env) {
        Optional<Path> given = cli.config().or(() -> Optional.ofNullable(env.get(Setting.CONFIG.env().orElseThrow())).map(Path::of));
        Either<ConfigError, Optional<Path>> file = given.isEmpty() ? Either.right(Optional.empty())
                : ConfigDirectory.resolve(given.get()).map(Optional::of);
        return file.flatMap(f -> f.map(this::parseFile).orElseGet(() -> Either.right(ConfigTree.empty("(no config file)", "")))
                .flatMap(SettingsLoader::knownTopKeys)
                .flatMap(tree -> build(f, tree, cli, env)));
    }

    private static Either<ConfigError, ConfigTree> knownTopKeys(ConfigTree tree) {
        if (!tree.has("arrays")) {
            return tree.onlyKeys(TOP_KEYS);
        }
        if (tree.has("backends")) {
            return Either.left(tree.error("arrays", "the original IntelliFlash format (arrays:) and backends: cannot be "
                    + "combined; put arrays: under a backend of type intelliflash-file or intelliflash-block"));
        }
        Set<String> known = new java.util.HashSet<>(TOP_KEYS);
        known.addAll(INTELLIFLASH_KEYS);
        return tree.onlyKeys(known);
    }

    private Either<ConfigError, ConfigTree> parseFile(Path path) {
        String source = path.toString();
        return readFile.apply(path).mapLeft(reason -> new ConfigError(source, "(file)", reason)).flatMap(text -> {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
                return Either.right(new ConfigTree(source, "", root));
            } catch (JacksonException e) {
                return Either.left(new ConfigError(source, "(syntax)", "not valid YAML: " + e.getOriginalMessage()));
            }
        });
    }

    private Either<ConfigError, Settings> build(Optional<Path> file, ConfigTree tree, CliOverrides cli,
            Map<String, String> env) {
        var v = new Values(tree, env);
        try {
            boolean fromHsEnvironment = !tree.has("backends") && HammerspaceEnvironment.present(env);
            String driverName = driverName(ok(v.pick(cli.driverName(), Setting.DRIVER_NAME)),
                    fromHsEnvironment ? HammerspaceEnvironment.DRIVER_NAME : DEFAULT_DRIVER_NAME);
            // The original Hammerspace plugin names its node with CSI_NODE_NAME.
            String nodeId = nodeId(ok(v.pick(cli.nodeId(), Setting.NODE_ID))
                    .or(() -> Optional.ofNullable(env.get("CSI_NODE_NAME")).filter(n -> !n.isEmpty())
                            .map(n -> new Sourced(n, "(environment)", "CSI_NODE_NAME"))));
            String endpoint = endpoint(ok(v.pick(cli.endpoint(), Setting.ENDPOINT)));
            Mode mode = choice(ok(v.pick(cli.mode(), Setting.MODE)), Mode::parse, Mode.ALL, "controller, node, all");
            LogFormat logFormat = choice(ok(v.pick(cli.logFormat(), Setting.LOG_FORMAT)), LogFormat::parse,
                    LogFormat.TEXT, "text, json");
            Optional<MetricsAddress> metrics = ok(v.pick(cli.metricsAddress(), Setting.METRICS_ADDRESS))
                    .map(SettingsLoader::metricsAddress);
            Path kubeletDir = ok(v.pick(Optional.empty(), Setting.KUBELET_DIR)).map(SettingsLoader::absolute)
                    .orElse(Path.of("/var/lib/kubelet"));
            List<BackendSettings> backends = tree.has("arrays")
                    ? List.of(ok(IntelliFlashFile.backend(tree, driverName, env)))
                    : ok(backends(tree, cli, env));
            Optional<BackendName> defaultBackend = ok(defaultBackend(tree, backends));
            Optional<String> nodeIp = ok(v.pick(Optional.empty(), Setting.NODE_IP)).map(SettingsLoader::address);
            List<String> nfsVersions = ok(v.pick(Optional.empty(), Setting.NFS_VERSIONS)).map(SettingsLoader::nfsVersions)
                    .orElse(NodeSettings.DEFAULT_NFS_VERSIONS);
            return Either.right(new Settings(file, driverName, nodeId, endpoint, mode, defaultBackend, backends,
                    logFormat, kubeletDir, nodeIp, metrics, nfsVersions));
        } catch (InvalidConfig e) {
            return Either.left(e.error());
        }
    }

    /** The NFS fallback order, comma separated ({@code 4.1,3}). */
    private static List<String> nfsVersions(Sourced given) {
        List<String> versions = Arrays.stream(given.value().split(",")).map(String::strip).toList();
        if (versions.isEmpty() || !NFS_VERSIONS.containsAll(versions)) {
            throw new InvalidConfig(given.error("'" + given.value() + "' is not a comma-separated list of NFS versions (3, 4,"
                    + " 4.0, 4.1, 4.2)"));
        }
        return versions;
    }

    private static <T> T ok(Either<ConfigError, T> result) {
        return result.getOrElseThrow(InvalidConfig::new);
    }

    private String driverName(Optional<Sourced> given, String fallback) {
        String name = given.map(Sourced::value).orElse(fallback);
        if (!PluginIdentity.isValidName(name)) {
            throw new InvalidConfig(given.get().error("'" + name + "' is not a DNS-style name of at most 63 characters "
                    + "(letters, digits, '.', '-'; alphanumeric at both ends)"));
        }
        return name;
    }

    private String nodeId(Optional<Sourced> given) {
        String id = given.map(Sourced::value).orElse(hostName);
        if (!NodeFacts.isValidName(id)) {
            throw new InvalidConfig(given.map(n -> n.error("'" + id + "' is not a valid node name (letters, digits, '.', '_', "
                    + "':', '-'; alphanumeric first; at most 128 characters)")).orElse(new ConfigError("(host name)", "nodeId",
                    "the host name is not a valid node id; set --node-id or CSI_NODE_ID")));
        }
        return id;
    }

    private static String address(Sourced given) {
        if (!given.value().matches("[0-9A-Fa-f.:]{2,45}")) {
            throw new InvalidConfig(given.error("'" + given.value() + "' is not an IP address"));
        }
        return given.value();
    }

    private static String endpoint(Optional<Sourced> given) {
        if (given.isEmpty()) {
            throw new InvalidConfig(new ConfigError("(command line)", "endpoint",
                    "no CSI endpoint: pass --endpoint unix:///path/to/csi.sock or set CSI_ENDPOINT"));
        }
        String e = given.get().value();
        if (e.startsWith("/")) {
            // the original Hammerspace plugin's CSI_ENDPOINT is a bare socket path
            return "unix://" + e;
        }
        if (!e.startsWith("unix:/") && !e.startsWith("tcp://")) {
            throw new InvalidConfig(given.get().error("'" + e + "' is neither unix:///path.sock nor tcp://host:port"));
        }
        return e;
    }

    private static Path absolute(Sourced given) {
        Path p = Path.of(given.value());
        if (!p.isAbsolute() || !p.normalize().equals(p)) {
            throw new InvalidConfig(given.error("'" + given.value() + "' must be an absolute, normalised path"));
        }
        return p;
    }

    private static MetricsAddress metricsAddress(Sourced given) {
        return MetricsAddress.parse(given.value()).orElseThrow(() -> new InvalidConfig(given.error("'" + given.value()
                + "' is not host:port or :port (port 0 to 65535)")));
    }

    private static <T> T choice(Optional<Sourced> given, Function<String, Optional<T>> parse, T fallback, String allowed) {
        if (given.isEmpty()) {
            return fallback;
        }
        return parse.apply(given.get().value()).orElseThrow(() -> new InvalidConfig(given.get().error("'" + given.get().value()
                + "' is not one of " + allowed)));
    }

    private Either<ConfigError, List<BackendSettings>> backends(ConfigTree tree, CliOverrides cli, Map<String, String> env) {
        String rootEnv = Setting.LOCAL_ROOT.env().orElseThrow();
        Optional<Sourced> localRoot = cli.localRoot().map(r -> new Sourced(r, "(command line)",
                        Setting.LOCAL_ROOT.flag().orElseThrow()))
                .or(() -> Optional.ofNullable(env.get(rootEnv)).map(r -> new Sourced(r, "(environment)", rootEnv)));
        if (localRoot.isPresent() && !Path.of(localRoot.get().value()).isAbsolute()) {
            return Either.left(localRoot.get().error("'" + localRoot.get().value() + "' must be an absolute path"));
        }
        if (!tree.has("backends") && HammerspaceEnvironment.present(env)) {
            return HammerspaceEnvironment.backend(env).map(List::of).flatMap(b -> applyLocalRoot(b, localRoot));
        }
        if (!tree.has("backends")) {
            ObjectNode local = JsonNodeFactory.instance.objectNode().put("type", LOCAL_TYPE);
            localRoot.ifPresent(r -> local.put("root", Path.of(r.value()).normalize().toString()));
            ConfigTree implicit = new ConfigTree(localRoot.map(Sourced::source).orElse("(defaults)"), "backends.local", local);
            return Either.right(List.of(new BackendSettings(new BackendName("local"), LOCAL_TYPE, implicit)));
        }
        return tree.child("backends").entries().flatMap(entries -> {
            if (entries.isEmpty()) {
                return Either.left(tree.error("backends", "names no backend"));
            }
            List<BackendSettings> out = new ArrayList<>();
            for (ConfigTree entry : entries) {
                var one = backend(entry);
                if (one.isLeft()) {
                    return Either.left(one.getLeft());
                }
                out.add(one.get());
            }
            return applyLocalRoot(out, localRoot);
        });
    }

    private Either<ConfigError, BackendSettings> backend(ConfigTree entry) {
        var name = BackendName.parse(entry.name());
        if (name.isLeft()) {
            return Either.left(new ConfigError(entry.source(), entry.path(), name.getLeft().message()));
        }
        return entry.string("type").flatMap(type -> {
            if (type.isEmpty()) {
                return Either.left(entry.error("type", "is required (one of " + backendTypes + ")"));
            }
            if (!backendTypes.contains(type.get())) {
                return Either.left(entry.error("type", "'" + type.get() + "' is not a known backend type (one of "
                        + backendTypes + ")"));
            }
            return Either.right(new BackendSettings(name.get(), type.get(), entry));
        });
    }

    private static Either<ConfigError, List<BackendSettings>> applyLocalRoot(List<BackendSettings> backends,
            Optional<Sourced> root) {
        if (root.isEmpty()) {
            return Either.right(backends);
        }
        var locals = backends.stream().filter(b -> b.type().equals(LOCAL_TYPE)).toList();
        if (locals.size() != 1) {
            return Either.left(root.get().error("applies to exactly one backend of type local; the configuration has "
                    + locals.size()));
        }
        return Either.right(backends.stream().map(b -> b.type().equals(LOCAL_TYPE) ? withRoot(b, root.get()) : b).toList());
    }

    private static BackendSettings withRoot(BackendSettings b, Sourced root) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.put("type", LOCAL_TYPE);
        b.options().copyInto(copy);
        copy.put("root", Path.of(root.value()).normalize().toString());
        return new BackendSettings(b.name(), b.type(), new ConfigTree(b.options().source(), b.options().path(), copy));
    }

    private static Either<ConfigError, Optional<BackendName>> defaultBackend(ConfigTree tree, List<BackendSettings> backends) {
        return tree.string("defaultBackend").flatMap(d -> {
            if (d.isEmpty()) {
                return Either.right(Optional.empty());
            }
            return backends.stream().filter(b -> b.name().value().equals(d.get())).findFirst()
                    .<Either<ConfigError, Optional<BackendName>>>map(b -> Either.right(Optional.of(b.name())))
                    .orElseGet(() -> Either.left(tree.error("defaultBackend", "'" + d.get() + "' is not under backends:")));
        });
    }

    /** A value and where it came from, for error messages. */
    record Sourced(String value, String source, String key) {
        ConfigError error(String reason) {
            return new ConfigError(source, key, reason);
        }
    }

    /** Looks a setting up in flags, then environment, then file. */
    private record Values(ConfigTree tree, Map<String, String> env) {
        Either<ConfigError, Optional<Sourced>> pick(Optional<String> flag, Setting setting) {
            if (flag.isPresent()) {
                return Either.right(Optional.of(new Sourced(flag.get(), "(command line)", setting.flag().orElseThrow())));
            }
            String e = setting.env().map(env::get).orElse(null);
            if (e != null && !e.isEmpty()) {
                return Either.right(Optional.of(new Sourced(e, "(environment)", setting.env().get())));
            }
            String key = setting.key().orElseThrow();
            return tree.string(key).map(s -> s.map(x -> new Sourced(x, tree.source(), key)));
        }
    }
}
