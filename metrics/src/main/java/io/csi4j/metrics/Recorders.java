package io.csi4j.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/**
 * The recorders of one process. With metrics off, {@link #none()}: calls cost a virtual call each and no meter
 * library class is loaded; with metrics on, {@link #into(MeterRegistry)}.
 */
public interface Recorders {

    RpcRecorder rpc();

    CommandRecorder commands();

    /** The recorder for the REST calls of the backend named {@code backend} in the configuration. */
    RestRecorder rest(String backend);

    /** Publishes how many volumes and snapshots operations hold the in-flight guard for, read when scraped. */
    void operationsInFlight(IntSupplier count);

    static Recorders none() {
        return NoRecorders.INSTANCE;
    }

    static Recorders into(MeterRegistry registry) {
        return new MicrometerRecorders(registry);
    }
}
