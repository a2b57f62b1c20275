package io.csi4j.adapters.hammerspace;

import io.csi4j.adapters.hammerspace.rest.ClientConfig;
import io.csi4j.adapters.hammerspace.rest.HammerspaceApi;
import io.csi4j.adapters.hammerspace.rest.HsHttp;
import io.csi4j.adapters.hammerspace.rest.Secret;
import io.csi4j.domain.id.BackendName;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A simulator and a backend over it whose controller-side file work happens directly in the simulator's tree
 * (the namespace "already mounted"), so files the backend makes show up in the API as they would over NFS.
 */
final class SimulatedCluster implements AutoCloseable {

    static final BackendName NAME = new BackendName("hs");
    static final long DEFAULT_SIZE = 64L << 20;

    final HammerspaceSimulator sim;
    final HammerspaceApi api;
    final HammerspaceBackend backend;

    SimulatedCluster(Path dir) throws IOException {
        this(dir, c -> c, c -> c);
    }

    SimulatedCluster(Path dir, UnaryOperator<SimulatorConfig> simulator, UnaryOperator<HammerspaceBackendConfig> backend)
            throws IOException {
        Files.createDirectories(dir);
        this.sim = HammerspaceSimulator.start(simulator.apply(SimulatorConfig.defaults(dir.resolve("namespace"))));
        Path ca = sim.writeCaPem(dir.resolve("ca.pem"));
        ClientConfig client = ClientConfig.of(sim.endpoint(), sim.config().username(), new Secret(sim.config().password()))
                .withTls(true, Optional.of(ca))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(2), Duration.ofMillis(50));
        this.api = new HammerspaceApi(HsHttp.create(client).getOrElseThrow(f -> new IllegalStateException(f.message())));
        HammerspaceBackendConfig config = backend.apply(HammerspaceBackendConfig.withDefaults(NAME, "com.hammerspace.csi",
                "test").withDefaultSize(DEFAULT_SIZE));
        this.backend = HammerspaceBackend.create(config, api, new MountedNamespace(sim.root()), Clock.systemUTC());
    }

    /** The local path of a volume's data in the simulator's tree. */
    Path pathOf(String volumeId) {
        return sim.root().resolve(volumeId.substring(1));
    }

    @Override
    public void close() throws IOException {
        api.close();
        sim.close();
    }
}
