package io.csi4j.adapters.intelliflash;

import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.adapters.intelliflash.core.DatasetRef;
import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.adapters.intelliflash.rest.RestSettings;
import io.csi4j.adapters.intelliflash.rest.TlsSettings;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.volume.Volume;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import io.csi4j.simulator.intelliflash.SimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A simulated array for tests, and backends configured against it the way a user would (TLS verified against the
 * simulator's certificate as {@code caFile}).
 */
public final class SimulatedArray implements AutoCloseable {

    public static final String CONFIG_NAME = "array1";
    public static final String POOL = "pool-a";
    public static final long SMALL = 16L << 20;

    public final IntelliFlashSimulator simulator;
    public final Path caFile;

    private SimulatedArray(IntelliFlashSimulator simulator, Path caFile) {
        this.simulator = simulator;
        this.caFile = caFile;
    }

    public static SimulatedArray start(Path dir) {
        try {
            IntelliFlashSimulator sim = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("array")));
            return new SimulatedArray(sim, sim.writeCertificate(dir.resolve("array-ca.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ArrayConfig array(String project, boolean inheritViews, Optional<String> zone) {
        return new ArrayConfig(CONFIG_NAME, URI.create(simulator.restIp()), new Credentials("admin", "secret"), project,
                "127.0.0.1", zone, "nfs", List.of("vers=4"), Optional.empty(), inheritViews,
                Optional.empty(), Optional.of("csi-tg"), Optional.of("csi-hg"), 3260,
                new TlsSettings(true, Optional.of(caFile)));
    }

    public static RestSettings fastRest() {
        return RestSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withRetries(2,
                Duration.ofMillis(20));
    }

    public ArrayBackend file(Optional<String> zone, Optional<ParentShares> parents) {
        return open(new IntelliFlashConfig(new BackendName("intelliflash"), Flavour.FILE,
                List.of(array("csi-file", false, zone)), Chap.NONE, SMALL, fastRest()), parents);
    }

    public ArrayBackend block(boolean inheritViews, Optional<String> zone) {
        return open(new IntelliFlashConfig(new BackendName("intelliflash"), Flavour.BLOCK,
                List.of(array("csi-block", inheritViews, zone)), Chap.NONE, SMALL, fastRest()), Optional.empty());
    }

    public static ArrayBackend open(IntelliFlashConfig config, Optional<ParentShares> parents) {
        return IntelliFlashBackends.open(config, parents, Clock.systemUTC()).getOrElseThrow(f ->
                new IllegalStateException(f.message()));
    }

    /** Where the simulator keeps a volume's data: a share's directory or a LUN's file. */
    public Path data(Volume v) {
        DatasetRef ref = DatasetRef.parse(v.id().handle()).orElseThrow();
        return simulator.model().data.of(ref.path(POOL));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
