package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.MountingContract;
import io.csi4j.ports.out.host.HostFixture;

class FakeMountingTest extends MountingContract {

    @Override
    protected HostFixture openFixture() {
        return new FakeHostFixture();
    }
}
