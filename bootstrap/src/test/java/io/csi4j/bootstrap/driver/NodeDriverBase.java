package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One driver per test class on its own {@link NodeTestbed}; after each test, whatever the test left mounted or
 * attached under the testbed is reported as a leak and taken away, so a failed test cannot break the next one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NodeDriverBase {

    protected NodeTestbed bed;

    @BeforeAll
    void startDriver() throws IOException {
        bed = NodeTestbed.start();
    }

    @AfterAll
    void stopDriver() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @AfterEach
    void leftNothingBehind() {
        if (bed != null) {
            NodeHostState.Snapshot left = bed.reset();
            assertThat(left.mounts()).as("mounts the test left").isEmpty();
            assertThat(left.loops()).as("loop devices the test left").isEmpty();
        }
    }
}
