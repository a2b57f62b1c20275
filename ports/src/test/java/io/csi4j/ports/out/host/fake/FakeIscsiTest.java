package io.csi4j.ports.out.host.fake;

import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiFixture;
import io.csi4j.ports.out.host.IscsiInitiator;
import io.csi4j.ports.out.host.IscsiInitiatorContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class FakeIscsiTest extends IscsiInitiatorContract {

    private static final long MIB = 1L << 20;

    @Override
    protected IscsiFixture openFixture() {
        FakeHost host = new FakeHost(List.of(Path.of("/var/lib/kubelet")));
        var chap = new IscsiFixture.Target("iqn.2024-01.io.csi4j.test:chap", List.of("10.0.0.1:3260"),
                Optional.of(ChapCredentials.oneWay("user", "secret-12")), List.of(64 * MIB, 32 * MIB));
        var open = new IscsiFixture.Target("iqn.2024-01.io.csi4j.test:open", List.of("10.0.0.1:3260"),
                Optional.empty(), List.of(16 * MIB));
        for (var t : List.of(chap, open)) {
            host.addIscsiTarget(t.iqn(), t.portals(), t.chap(), t.lunBytes().stream().mapToLong(Long::longValue).toArray());
        }
        return new IscsiFixture() {
            @Override
            public IscsiInitiator initiator() {
                return host.iscsi();
            }

            @Override
            public Target chapTarget() {
                return chap;
            }

            @Override
            public Target openTarget() {
                return open;
            }

            @Override
            public String deadPortal() {
                return "10.0.0.254:3260";
            }

            @Override
            public Set<String> records() {
                return ((FakeIscsi) host.iscsi()).records();
            }

            @Override
            public long sizeOf(Path device) {
                return host.blockDevices().size(device).get();
            }

            @Override
            public void close() {
                // Nothing outlives the in-memory host.
            }
        };
    }
}
