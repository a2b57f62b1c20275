package io.csi4j.bootstrap;

import io.csi4j.bootstrap.backends.BackendFactory;
import io.csi4j.bootstrap.config.CliOverrides;
import io.csi4j.bootstrap.config.ConfigError;
import io.csi4j.bootstrap.config.Settings;
import io.csi4j.bootstrap.config.SettingsLoader;
import io.csi4j.bootstrap.wiring.DaggerFactoriesComponent;
import io.vavr.control.Either;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code csi4j} command: reads the configuration, then runs the driver until SIGTERM. */
@Command(name = "csi4j", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"A Container Storage Interface (CSI v1.12) driver.",
                "With no configuration it serves the embedded local backend (controller and node).",
                "Precedence: flags, then environment variables, then the YAML file, then defaults."})
public final class Main implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (env CSI4J_CONFIG).")
    Path config;

    @Option(names = "--endpoint", description = "unix:///path/csi.sock or tcp://host:port (env CSI_ENDPOINT).")
    String endpoint;

    @Option(names = "--node-id", description = "This node's id (env CSI_NODE_ID; default: the host name).")
    String nodeId;

    @Option(names = "--driver-name", description = "CSI plugin name (env CSI4J_DRIVER_NAME; default csi4j.io).")
    String driverName;

    @Option(names = "--mode", description = "controller, node or all (env CSI4J_MODE; default all).")
    String mode;

    @Option(names = "--local-root", paramLabel = "DIR",
            description = "Root directory of the local backend (env CSI4J_LOCAL_ROOT).")
    String localRoot;

    @Option(names = "--log-format", description = "text or json (env CSI4J_LOG_FORMAT; default text).")
    String logFormat;

    @Option(names = "--metrics-address", paramLabel = "HOST:PORT",
            description = "Serve /metrics and /healthz over HTTP here, e.g. :9809 (env CSI4J_METRICS_ADDRESS; "
                    + "default off).")
    String metricsAddress;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        Map<String, BackendFactory> factories = DaggerFactoriesComponent.create().factories();
        Either<ConfigError, Settings> settings = new SettingsLoader(factories.keySet(), SettingsLoader::readLocalFile,
                hostName()).load(overrides(), System.getenv());
        if (settings.isLeft()) {
            return Driver.configError(spec.commandLine().getErr(), settings.getLeft());
        }
        Logging.configure(settings.get().logFormat());
        return Driver.run(settings.get(), factories, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** What the flags said. */
    CliOverrides overrides() {
        return new CliOverrides(Optional.ofNullable(config), Optional.ofNullable(endpoint), Optional.ofNullable(nodeId),
                Optional.ofNullable(driverName), Optional.ofNullable(mode), Optional.ofNullable(localRoot),
                Optional.ofNullable(logFormat), Optional.ofNullable(metricsAddress));
    }

    /** The node id default: the kernel's host name, without a DNS lookup. */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Reports the version of this build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"csi4j " + Version.current()};
        }
    }
}
