package io.csi4j.testnode;

import io.csi4j.adapters.iscsi.IscsiConfig;
import io.csi4j.adapters.iscsi.OpenIscsiInitiator;
import io.csi4j.ports.out.host.ChapCredentials;
import io.csi4j.ports.out.host.IscsiAddress;
import io.csi4j.ports.out.host.IscsiFixture;
import io.csi4j.ports.out.host.IscsiInitiator;
import io.csi4j.ports.out.host.IscsiInitiatorContract;
import io.csi4j.ports.out.host.IscsiTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The iSCSI initiator contract against the real initiator (open-iscsi), run inside the guest by {@link
 * GuestContract}; the targets are the ones {@link Targets} made on the host. Not a test of its own on the host.
 */
public class InGuestIscsiContract extends IscsiInitiatorContract {

    private static final String PORTAL = Servers.ADDRESS + ":3260";
    /** tgtd listens on 3260 only: a portal on another port refuses at once. */
    private static final String DEAD = Servers.ADDRESS + ":3261";

    @Override
    protected IscsiFixture openFixture() {
        IscsiInitiator initiator = OpenIscsiInitiator.create(new IscsiConfig(Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(30), 1));
        var chap = new IscsiFixture.Target(Targets.iqn("contract-chap"), List.of(PORTAL),
                Optional.of(ChapCredentials.oneWay(Servers.CHAP_USER, Servers.CHAP_SECRET)),
                List.of(32 * Targets.MIB, 16 * Targets.MIB));
        var open = new IscsiFixture.Target(Targets.iqn("contract-open"), List.of(PORTAL), Optional.empty(),
                List.of(16 * Targets.MIB));
        return new IscsiFixture() {
            @Override
            public IscsiInitiator initiator() {
                return initiator;
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
                return DEAD;
            }

            @Override
            public Set<String> records() {
                return recordsNow();
            }

            @Override
            public long sizeOf(Path device) {
                try {
                    Path real = device.toRealPath();
                    String sectors = Files.readString(Path.of("/sys/class/block", real.getFileName().toString(), "size"));
                    return Long.parseLong(sectors.strip()) * 512;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                for (Target t : List.of(chap, open)) {
                    for (int lun = 1; lun <= t.lunBytes().size(); lun++) {
                        initiator.detach(t.lun(lun), true);
                    }
                    initiator.detach(IscsiAddress.of(List.of(DEAD), t.iqn(), 1).get(), true);
                }
            }
        };
    }

    /** The node records, {@code iqn@portal}, read from {@code iscsiadm -m node}. */
    private static Set<String> recordsNow() {
        try {
            Process p = new ProcessBuilder("iscsiadm", "-m", "node").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out.lines().map(l -> l.split(" ")).filter(f -> f.length == 2 && f[0].contains(","))
                    .map(f -> new IscsiTarget(f[0].substring(0, f[0].lastIndexOf(',')), f[1]))
                    .map(t -> t.targetIqn() + "@" + t.portal()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
