package io.csi4j.adapters.hammerspace.rest;

import io.csi4j.metrics.RestRecorder;
import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A simulator on a temporary directory and a client that trusts its CA. */
final class SimulatorFixture implements AutoCloseable {

    final HammerspaceSimulator sim;
    final Path caFile;

    SimulatorFixture(Path dir) throws IOException {
        this(dir, SimulatorConfig.defaults(dir.resolve("namespace")));
    }

    SimulatorFixture(Path dir, SimulatorConfig config) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        this.sim = HammerspaceSimulator.start(config);
        this.caFile = sim.writeCaPem(dir.resolve("ca.pem"));
    }

    ClientConfig clientConfig() {
        return ClientConfig.of(sim.endpoint(), sim.config().username(), new Secret(sim.config().password()))
                .withTls(true, Optional.of(caFile))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50));
    }

    HammerspaceApi api() {
        return api(clientConfig());
    }

    static HammerspaceApi api(ClientConfig config) {
        return new HammerspaceApi(HsHttp.create(config).getOrElseThrow(f -> new IllegalStateException(f.message())));
    }

    static HammerspaceApi api(ClientConfig config, RestRecorder metrics) {
        return new HammerspaceApi(HsHttp.create(config, metrics)
                .getOrElseThrow(f -> new IllegalStateException(f.message())));
    }

    @Override
    public void close() {
        sim.close();
    }
}
