package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.HostPathsContract;
import io.csi4j.ports.out.host.HostFixture;

class FakeHostPathsTest extends HostPathsContract {

    @Override
    protected HostFixture openFixture() {
        return new FakeHostFixture();
    }
}
