package io.csi4j.bootstrap.backends;

import io.csi4j.adapters.hammerspace.HammerspaceBackend;
import io.csi4j.adapters.hammerspace.HammerspaceBackendConfig;
import io.csi4j.adapters.hammerspace.MountedNamespace;
import io.csi4j.adapters.hammerspace.NfsShareMounts;
import io.csi4j.adapters.hammerspace.ShareAccess;
import io.csi4j.adapters.hammerspace.rest.ClientConfig;
import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.adapters.hammerspace.rest.HsHttp;
import io.csi4j.adapters.hammerspace.rest.Secret;
import io.csi4j.adapters.os.HostConfig;
import io.csi4j.adapters.os.LinuxHost;
import io.csi4j.bootstrap.Version;
import io.csi4j.bootstrap.config.BackendSettings;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.ConfigTree;
import io.csi4j.bootstrap.config.InvalidConfig;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.domain.failure.Failure;
import io.csi4j.metrics.Recorders;
import io.csi4j.metrics.RestRecorder;
import io.csi4j.ports.out.VolumeBackend;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a Hammerspace backend ({@code type: hammerspace}): the API client (verified TLS unless {@code tlsVerify} is
 * false), and how the controller reaches files inside shares — NFS mounts under {@code mountRoot}, or a namespace
 * already mounted at {@code namespaceRoot}; in a node-only process neither (the node needs the API client alone: for
 * its topology and the data paths of the original plugin's volumes). The original plugin's environment variables fill these keys when no
 * configuration file names backends (see {@code SettingsLoader}).
 */
public final class HammerspaceBackendFactory implements BackendFactory {

    public static final String TYPE = "hammerspace";

    static final List<ConfigKey> KEYS = List.of(
            new ConfigKey("endpoint", "The Anvil's management address, https://host[:port] (HS_ENDPOINT).", ""),
            new ConfigKey("username", "The management user (HS_USERNAME).", ""),
            new ConfigKey("password", "Its password (HS_PASSWORD); or passwordFile.", ""),
            new ConfigKey("passwordFile", "A file holding the password, e.g. a mounted Secret (HS_PASSWORD_FILE).", ""),
            new ConfigKey("tlsVerify", "Verify the Anvil's certificate and host name (HS_TLS_VERIFY). The original plugin "
                    + "did not verify by default; csi4j does.", "true"),
            new ConfigKey("caFile", "PEM certificates to trust for the Anvil instead of the JVM's (HS_CA_FILE).", ""),
            new ConfigKey("dataPortalMountPrefix", "Put before /<share> in NFS export paths "
                    + "(HS_DATA_PORTAL_MOUNT_PREFIX), e.g. /mnt/data-portal.", ""),
            new ConfigKey("nfsOptions", "Comma-separated NFS options nodes mount with when the StorageClass names none.",
                    ""),
            new ConfigKey("catalogShare", "The share that keeps the records of volumes and snapshots this driver made "
                    + "(HS_CATALOG_SHARE).", HammerspaceBackendConfig.DEFAULT_CATALOG_SHARE),
            new ConfigKey("mountRoot", "Where the controller NFS-mounts shares to make and remove files (HS_MOUNT_ROOT).",
                    "/var/lib/csi4j/hammerspace/<backend>"),
            new ConfigKey("namespaceRoot", "A directory where the Hammerspace namespace is already mounted; then the "
                    + "controller mounts nothing (HS_NAMESPACE_ROOT).", ""),
            new ConfigKey("defaultSize", "Size of a volume when the request names none.", "1Gi"),
            new ConfigKey("requestTimeout", "How long one API call may take.", "30s"),
            new ConfigKey("taskTimeout", "How long an asynchronous task is awaited before the call answers "
                    + "DEADLINE_EXCEEDED (the CO's retry reads the outcome back).", "2m"),
            new ConfigKey("maxConnections", "Connections kept to the Anvil.", "128"));

    @javax.inject.Inject
    public HammerspaceBackendFactory() {
        // Stateless: everything comes from the backend entry and the settings.
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<ConfigKey> keys() {
        return KEYS;
    }

    @Override
    public Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings) {
        return create(backend, settings, Recorders.none().rest(backend.name().value()));
    }

    /** Every call to the Anvil's API is recorded into {@code rest}. */
    @Override
    public Either<ConfigError, VolumeBackend> create(BackendSettings backend, Settings settings, RestRecorder rest) {
        ConfigTree o = backend.options();
        Set<String> known = KEYS.stream().map(ConfigKey::name).collect(Collectors.toSet());
        known.add("type");
        try {
            ok(o.onlyKeys(known));
            ClientConfig client = client(o);
            long defaultSize = ok(o.size("defaultSize")).orElse(HammerspaceBackendConfig.DEFAULT_SIZE_BYTES);
            String catalog = ok(o.string("catalogShare")).orElse(HammerspaceBackendConfig.DEFAULT_CATALOG_SHARE);
            if (!catalog.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
                throw new InvalidConfig(o.error("catalogShare", "'" + catalog + "' is not a share name"));
            }
            List<String> nfsOptions = ok(o.string("nfsOptions")).map(s -> Arrays.stream(s.split(","))
                    .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
            var config = new HammerspaceBackendConfig(backend.name(), settings.driverName(), Version.current(),
                    ok(o.string("dataPortalMountPrefix")).orElse(""), nfsOptions, catalog, defaultSize,
                    HammerspaceBackendConfig.DEFAULT_PORTAL_TTL);
            ShareAccess access = access(o, backend, settings);
            HsHttp http = HsHttp.create(client, rest).getOrElseThrow(f -> new InvalidConfig(o.error("caFile", f.message())));
            return Either.right(HammerspaceBackend.create(config, new HammerspaceApi(http), access, Clock.systemUTC()));
        } catch (InvalidConfig e) {
            return Either.left(e.error());
        }
    }

    private static ClientConfig client(ConfigTree o) {
        String endpoint = ok(o.string("endpoint")).orElseThrow(() -> new InvalidConfig(o.error("endpoint", "is required")));
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(o.error("endpoint", "'" + endpoint + "' is not a URL"));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidConfig(o.error("endpoint", "'" + endpoint + "' is not an https:// URL with a host"));
        }
        String user = ok(o.string("username")).filter(u -> !u.isEmpty())
                .orElseThrow(() -> new InvalidConfig(o.error("username", "is required")));
        Secret password = password(o);
        boolean verify = ok(o.bool("tlsVerify")).orElse(true);
        Optional<Path> ca = ok(o.absolutePath("caFile"));
        ca.ifPresent(f -> {
            if (!Files.isReadable(f)) {
                throw new InvalidConfig(o.error("caFile", f + " cannot be read"));
            }
        });
        if (!verify) {
            Log.LOG.warn("TLS verification of the Hammerspace API at {} is switched off (tlsVerify=false): a man in the "
                    + "middle could read the credentials", uri);
        }
        Duration request = duration(o, "requestTimeout", ClientConfig.DEFAULT_REQUEST_TIMEOUT);
        Duration task = duration(o, "taskTimeout", ClientConfig.DEFAULT_TASK_TIMEOUT);
        int connections = ok(o.string("maxConnections")).map(s -> {
            try {
                int n = Integer.parseInt(s.trim());
                if (n >= 1 && n <= 4096) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the error
            }
            throw new InvalidConfig(o.error("maxConnections", "'" + s + "' is not a number from 1 to 4096"));
        }).orElse(ClientConfig.DEFAULT_MAX_CONNECTIONS);
        return ClientConfig.of(uri, user, password).withTls(verify, ca)
                .withTimeouts(request, task, ClientConfig.DEFAULT_POLL_START, ClientConfig.DEFAULT_POLL_MAX)
                .withConnections(connections, "csi4j/" + Version.current());
    }

    private static Secret password(ConfigTree o) {
        Optional<String> inline = ok(o.string("password"));
        Optional<Path> file = ok(o.absolutePath("passwordFile"));
        if (inline.isPresent() == file.isPresent()) {
            throw new InvalidConfig(o.error("password", "give exactly one of password and passwordFile"));
        }
        if (inline.isPresent()) {
            if (inline.get().isEmpty()) {
                throw new InvalidConfig(o.error("password", "is empty"));
            }
            return new Secret(inline.get());
        }
        try {
            String p = Files.readString(file.get()).strip();
            if (p.isEmpty()) {
                throw new InvalidConfig(o.error("passwordFile", file.get() + " is empty"));
            }
            return new Secret(p);
        } catch (IOException e) {
            throw new InvalidConfig(o.error("passwordFile", "cannot read " + file.get() + ": " + e.getMessage()));
        }
    }

    /**
     * A pre-mounted namespace, or NFS mounts made by the controller through the host adapter. A process that serves
     * only the node gets neither: it reaches volumes through the node's stagers and asks the API only for data paths
     * and topology, so it neither needs the namespace nor makes the controller's mount root.
     */
    private static ShareAccess access(ConfigTree o, BackendSettings backend, Settings settings) {
        Optional<Path> namespace = ok(o.absolutePath("namespaceRoot"));
        Optional<Path> root = ok(o.absolutePath("mountRoot"));
        if (!settings.mode().servesController()) {
            return location -> Either.left(Failure.precondition("this process serves only the node: it does not "
                    + "reach files inside Hammerspace shares"));
        }
        if (namespace.isPresent()) {
            if (!Files.isDirectory(namespace.get())) {
                throw new InvalidConfig(o.error("namespaceRoot", namespace.get() + " is not a directory"));
            }
            return new MountedNamespace(namespace.get());
        }
        Path mountRoot = root.orElse(Path.of("/var/lib/csi4j/hammerspace").resolve(backend.name().value()));
        try {
            Files.createDirectories(mountRoot);
        } catch (IOException e) {
            throw new InvalidConfig(o.error("mountRoot", "cannot create " + mountRoot + ": " + e.getMessage()));
        }
        LinuxHost host = LinuxHost.create(HostConfig.withRoots(List.of(mountRoot)))
                .getOrElseThrow(f -> new InvalidConfig(o.error("mountRoot", f.message())));
        return new NfsShareMounts(host.mounter(), host.mountTable(), host.paths(), mountRoot.resolve("shares"),
                NfsShareMounts.DEFAULT_ATTEMPTS);
    }

    private static Duration duration(ConfigTree o, String key, Duration fallback) {
        return ok(o.string(key)).map(s -> Durations.parse(s).filter(d -> !d.isZero())
                .orElseThrow(() -> new InvalidConfig(o.error(key, "'" + s + "' is not a duration such as 30s or 2m"))))
                .orElse(fallback);
    }

    private static <T> T ok(Either<ConfigError, T> r) {
        return r.getOrElseThrow(InvalidConfig::new);
    }

    /**
     * The logger, made on first use: the factories are built before the log configuration is chosen, and a logger
     * made then would fix logback's default configuration (everything at DEBUG) for the whole process.
     */
    private static final class Log {
        private static final Logger LOG = LoggerFactory.getLogger(HammerspaceBackendFactory.class);
    }
}
