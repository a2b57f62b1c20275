package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.LoopDevicesContract;
import io.csi4j.ports.out.host.HostFixture;

class FakeLoopDevicesTest extends LoopDevicesContract {

    @Override
    protected HostFixture openFixture() {
        return new FakeHostFixture();
    }
}
