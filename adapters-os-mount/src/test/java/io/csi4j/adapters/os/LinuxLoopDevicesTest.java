package io.csi4j.adapters.os;

import io.csi4j.ports.out.host.LoopDevicesContract;
import io.csi4j.ports.out.host.HostFixture;
import org.junit.jupiter.api.BeforeAll;

class LinuxLoopDevicesTest extends LoopDevicesContract {

    @BeforeAll
    static void requireRoot() {
        RealHostFixture.assumeRoot();
    }

    @Override
    protected HostFixture openFixture() throws Exception {
        return RealHostFixture.open();
    }
}
