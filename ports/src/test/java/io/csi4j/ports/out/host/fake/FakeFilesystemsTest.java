package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.FilesystemsContract;
import io.csi4j.ports.out.host.HostFixture;

class FakeFilesystemsTest extends FilesystemsContract {

    @Override
    protected HostFixture openFixture() {
        return new FakeHostFixture();
    }
}
